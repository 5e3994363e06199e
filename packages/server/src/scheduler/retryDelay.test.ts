import { describe, expect, it } from "vitest";
import { exponentialBackoff } from "./retryDelay";

describe("exponentialBackoff", () => {
  it("doubles from the base delay", () => {
    expect([1, 2, 3, 4].map(exponentialBackoff())).toEqual([10, 20, 40, 80]);
    expect([1, 2, 3].map(exponentialBackoff({ baseSeconds: 5 }))).toEqual([5, 10, 20]);
  });

  it("is capped by maxSeconds and by the Queues limit of 12 hours", () => {
    expect(exponentialBackoff({ maxSeconds: 60 })(10)).toBe(60);
    expect(exponentialBackoff({ maxSeconds: 10 ** 9 })(40)).toBe(43_200);
  });

  it("treats attempts below 1 as the first", () => {
    expect(exponentialBackoff()(0)).toBe(10);
  });
});
