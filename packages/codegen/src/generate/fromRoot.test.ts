import { describe, expect, it } from "vitest";
import { fromRoot } from "./fromRoot";

describe("fromRoot", () => {
  it.each([
    ["/app/_generated/worker.ts", "./_generated/worker.ts"],
    ["/app/.wrangler/state/x.sqlite", "./.wrangler/state/x.sqlite"],
    ["/shared/migrations", "../shared/migrations"],
  ])("%s → %s", (file, expected) => {
    expect(fromRoot("/app", file)).toBe(expected);
  });
});
