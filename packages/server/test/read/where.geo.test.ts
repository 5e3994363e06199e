import { haversineMetres } from "@appflare/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { LONDON, PARIS } from "./support/seed";
import { itemIds, seedFixture } from "./support/seeded";

beforeAll(seedFixture);

const around = (bounds: { minDistance?: number; maxDistance?: number }) => ({
  geoWithin: { $geometry: PARIS, latitudeField: "lat", longitudeField: "lng", ...bounds },
});

describe("where: geoWithin (Haversine, metres)", () => {
  it("selects rows within the distance bounds (inclusive)", async () => {
    expect(await itemIds(around({ maxDistance: 5_000 }))).toEqual([1, 5]);
    expect(await itemIds(around({ maxDistance: 400_000 }))).toEqual([1, 2, 5]);
    expect(await itemIds(around({ minDistance: 1_000, maxDistance: 400_000 }))).toEqual([2, 5]);
    expect(await itemIds(around({ minDistance: 1_000_000 }))).toEqual([4]);
    expect(await itemIds(around({ maxDistance: 0 }))).toEqual([1]);
    expect(await itemIds({ $geoWithin: around({ maxDistance: 5_000 }).geoWithin })).toEqual([1, 5]);
  });

  it("agrees with the JS Haversine to well under a metre", async () => {
    const d = haversineMetres(LONDON.latitude, LONDON.longitude, PARIS.latitude, PARIS.longitude);
    expect(Math.round(d / 1000)).toBe(344);
    expect(await itemIds({ id: 2, ...around({ maxDistance: d + 0.001 }) })).toEqual([2]);
    expect(await itemIds({ id: 2, ...around({ maxDistance: d - 0.001 }) })).toEqual([]);
  });

  it("a NULL coordinate is UNKNOWN", async () => {
    expect(await itemIds({ not: around({ maxDistance: 5_000 }) })).toEqual([2, 4]);
  });
});
