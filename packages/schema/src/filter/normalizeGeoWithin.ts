/**
 * `geoWithin` is a key of a where object (beside fields and combinators), because it constrains two
 * columns at once — the fields are named inside it:
 *
 * ```ts
 * { geoWithin: { $geometry: { latitude: 48.85, longitude: 2.35 },
 *                latitudeField: "lat", longitudeField: "lng", maxDistance: 5_000 } }
 * ```
 * Distances are metres (Haversine, see `haversineMetres`), bounds inclusive, at least one bound
 * required. `$geoWithin` is accepted as an alias; `$geometry` is spelled with its `$`.
 */

import { describeValue } from "../values/describeValue";
import { isPlainObject } from "../values/isPlainObject";
import type { NormalizedGeoWithin } from "./NormalizedWhere";
import { childContext, didYouMean, fail, hasOwn, ownEntries, type WhereContext } from "./whereContext";

const GEO_KEYS = ["$geometry", "latitudeField", "longitudeField", "minDistance", "maxDistance"];
const EXAMPLE =
  'Expected { $geometry: { latitude, longitude }, latitudeField: "lat", longitudeField: "lng", maxDistance: 1000 }.';

export function normalizeGeoWithin(ctx: WhereContext, value: unknown): NormalizedGeoWithin {
  if (!isPlainObject(value))
    return fail(ctx, `geoWithin expects an object, got ${describeValue(value)}`, EXAMPLE);
  const given = new Map(ownEntries(ctx, value));
  for (const key of given.keys()) {
    if (!GEO_KEYS.includes(key)) {
      fail(
        childContext(ctx, key),
        `Unknown key "${key}" in geoWithin`,
        `${didYouMean(key, GEO_KEYS)}${EXAMPLE}`,
      );
    }
  }
  const geometryCtx = childContext(ctx, "$geometry");
  const geometry = given.get("$geometry");
  if (!isPlainObject(geometry)) {
    return fail(
      geometryCtx,
      `geoWithin.$geometry expects { latitude, longitude }, got ${describeValue(geometry)}`,
    );
  }
  const point = new Map(ownEntries(geometryCtx, geometry));
  for (const key of point.keys()) {
    if (key !== "latitude" && key !== "longitude") {
      fail(
        childContext(geometryCtx, key),
        `Unknown key "${key}" in geoWithin.$geometry`,
        "Expected latitude and longitude.",
      );
    }
  }
  const latitude = coordinate(geometryCtx, "latitude", point.get("latitude"), 90);
  const longitude = coordinate(geometryCtx, "longitude", point.get("longitude"), 180);
  const out: {
    $geometry: { latitude: number; longitude: number };
    latitudeField: string;
    longitudeField: string;
    maxDistance?: number;
    minDistance?: number;
  } = {
    $geometry: { latitude, longitude },
    latitudeField: coordinateField(ctx, "latitudeField", given.get("latitudeField")),
    longitudeField: coordinateField(ctx, "longitudeField", given.get("longitudeField")),
  };
  const max = distance(ctx, "maxDistance", given.get("maxDistance"));
  const min = distance(ctx, "minDistance", given.get("minDistance"));
  if (max === undefined && min === undefined) {
    fail(ctx, "geoWithin needs maxDistance or minDistance (metres)", EXAMPLE);
  }
  if (max !== undefined && min !== undefined && min > max) {
    fail(ctx, `geoWithin.minDistance (${min}) is greater than maxDistance (${max})`, "No row could match.");
  }
  if (max !== undefined) out.maxDistance = max;
  if (min !== undefined) out.minDistance = min;
  return out;
}

function coordinate(ctx: WhereContext, key: string, value: unknown, limit: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > limit) {
    fail(
      childContext(ctx, key),
      `geoWithin.$geometry.${key} expects degrees between -${limit} and ${limit}, got ${describeValue(value)}`,
    );
  }
  return value === 0 ? 0 : value;
}

function coordinateField(ctx: WhereContext, key: string, value: unknown): string {
  const fieldCtx = childContext(ctx, key);
  const columns = ctx.table.columns;
  const numeric = Object.keys(columns).filter((name) => {
    const type = columns[name]!.type;
    return type === "int" || type === "real";
  });
  if (typeof value !== "string") {
    return fail(fieldCtx, `geoWithin.${key} expects a column name, got ${describeValue(value)}`, EXAMPLE);
  }
  if (!hasOwn(columns, value) || !numeric.includes(value)) {
    return fail(
      fieldCtx,
      `geoWithin.${key} "${value}" is not a numeric column`,
      `${didYouMean(value, numeric)}Numeric columns: ${numeric.join(", ") || "(none)"}.`,
    );
  }
  return value;
}

function distance(ctx: WhereContext, key: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    fail(
      childContext(ctx, key),
      `geoWithin.${key} expects metres (a finite number ≥ 0), got ${describeValue(value)}`,
    );
  }
  return value === 0 ? 0 : value;
}
