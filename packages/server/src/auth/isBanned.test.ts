import { describe, expect, it } from "vitest";
import { isBanned } from "./isBanned";

describe("isBanned", () => {
  const now = Date.UTC(2026, 0, 1);
  it.each([
    [{ id: "a" }, false],
    [{ id: "a", banned: false }, false],
    [{ id: "a", banned: null }, false],
    [{ id: "a", banned: true }, true],
    [{ id: "a", banned: true, banExpires: null }, true],
    [{ id: "a", banned: true, banExpires: new Date(now + 1000) }, true],
    [{ id: "a", banned: true, banExpires: new Date(now - 1000) }, false],
    [{ id: "a", banned: true, banExpires: now - 1 }, false],
    [{ id: "a", banned: true, banExpires: "2027-01-01T00:00:00Z" }, true],
    [{ id: "a", banned: true, banExpires: "garbage" }, true],
  ])("%j → %s", (user, expected) => {
    expect(isBanned(user, now)).toBe(expected);
  });
});
