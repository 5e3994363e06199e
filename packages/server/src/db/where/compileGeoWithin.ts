import { DEGREES_TO_RADIANS, type NormalizedGeoWithin, type TableModel } from "@appflare/schema";
import { param, raw, type Sql, sql } from "../sql";
import { columnOf } from "./modelLookup";
import { columnRef } from "./sqlText";

// Written with 17 significant digits, it parses back to the exact double the evaluator uses.
const K = raw(String(DEGREES_TO_RADIANS));

/**
 * `geoWithin` as the evaluator's Haversine (`haversineMetres` in @appflare/schema), operation for
 * operation in the same order, so SQL and JS agree up to libm's last bit:
 *
 * ```
 * s1 = sin(((lat2 - lat1) * K) / 2);  s2 = sin(((lng2 - lng1) * K) / 2)
 * d  = 12742000 * asin(min(1, sqrt(s1 * s1 + ((cos(lat1 * K) * cos(lat2 * K)) * s2) * s2)))
 * ```
 * Point 1 is the row, point 2 `$geometry`; `cos(lat2 * K)` depends on the query only, so it is
 * computed here in JS — the very value the evaluator computes. A non-number coordinate (NULL) gives
 * UNKNOWN; bounds are inclusive.
 *
 * @example
 * compileGeoWithin(places, "t0", { $geometry: { latitude: 48.85, longitude: 2.35 },
 *   latitudeField: "lat", longitudeField: "lng", maxDistance: 5000 });
 */
export function compileGeoWithin(table: TableModel, alias: string, geo: NormalizedGeoWithin): Sql {
  const lat1 = columnRef(alias, columnOf(table, geo.latitudeField));
  const lng1 = columnRef(alias, columnOf(table, geo.longitudeField));
  const { latitude, longitude } = geo.$geometry;
  const s1 = sql`sin(((${param(latitude)} - ${lat1}) * ${K}) / 2)`;
  const s2 = sql`sin(((${param(longitude)} - ${lng1}) * ${K}) / 2)`;
  const cos2 = param(Math.cos(latitude * DEGREES_TO_RADIANS));
  const a = sql`${s1} * ${s1} + ((cos(${lat1} * ${K}) * ${cos2}) * ${s2}) * ${s2}`;
  const distance = sql`12742000 * asin(min(1, sqrt(${a})))`;
  const { minDistance: min, maxDistance: max } = geo;
  // BETWEEN evaluates the distance once: `d BETWEEN a AND b` is `d >= a AND d <= b`.
  const within =
    min !== undefined && max !== undefined
      ? sql`${distance} BETWEEN ${param(min)} AND ${param(max)}`
      : min !== undefined
        ? sql`${distance} >= ${param(min)}`
        : sql`${distance} <= ${param(max ?? 0)}`;
  const numeric = (column: Sql) => sql`typeof(${column}) IN ('integer', 'real')`;
  return sql`CASE WHEN ${numeric(lat1)} AND ${numeric(lng1)} THEN ${within} END`;
}
