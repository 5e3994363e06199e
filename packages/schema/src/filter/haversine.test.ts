import { describe, expect, it } from "vitest";
import { haversineMetres } from "./haversine";

describe("haversineMetres", () => {
  it("measures known distances in metres", () => {
    expect(haversineMetres(48.8566, 2.3522, 51.5074, -0.1278)).toBeCloseTo(343_556, -2); // Paris–London
    expect(haversineMetres(0, 0, 0, 1)).toBeCloseTo(111_195, 0); // one degree on the equator
    expect(haversineMetres(10, 20, 10, 20)).toBe(0);
  });

  it("is symmetric and stays finite for antipodal points", () => {
    expect(haversineMetres(1, 2, 3, 4)).toBeCloseTo(haversineMetres(3, 4, 1, 2), 6);
    const half = haversineMetres(0, 0, 0, 180);
    expect(half).toBeCloseTo(Math.PI * 6_371_000, 0);
    expect(Number.isFinite(haversineMetres(90, 0, -90, 0))).toBe(true);
  });
});
