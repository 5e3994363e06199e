import { describe, expect, it } from "vitest";
import { reconnectDelay } from "./reconnectDelay";

const options = (random: number) => ({ initialMs: 1000, maxMs: 16_000, random: () => random });

describe("reconnectDelay", () => {
  it("doubles from 1 s up to 16 s", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => reconnectDelay(n, options(1)))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 16_000, 16_000,
    ]);
  });

  it("jitters into the upper half of each step", () => {
    expect(reconnectDelay(0, options(0))).toBe(500);
    expect(reconnectDelay(4, options(0))).toBe(8000);
    expect(reconnectDelay(2, options(0.5))).toBe(3000);
  });
});
