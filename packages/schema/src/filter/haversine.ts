/** Mean Earth radius used by `geoWithin`, in metres. */
export const EARTH_RADIUS_METRES = 6_371_000;

/** π / 180 as the double literal the SQL compiler must use too, so both sides round alike. */
export const DEGREES_TO_RADIANS = 0.017453292519943295;

/**
 * Great-circle distance in metres between two points given in degrees (Haversine, R = 6 371 000).
 * The SQL compiler reproduces this expression operation for operation, in this order, with SQLite's
 * `sin`, `cos`, `asin`, `sqrt` and `min`:
 *
 * ```
 * dLat = (lat2 - lat1) * 0.017453292519943295
 * dLng = (lng2 - lng1) * 0.017453292519943295
 * s1   = sin(dLat / 2)
 * s2   = sin(dLng / 2)
 * a    = s1 * s1 + ((cos(lat1 * 0.017453292519943295) * cos(lat2 * 0.017453292519943295)) * s2) * s2
 * d    = 12742000 * asin(min(1, sqrt(a)))          -- 12742000 = 2 * R
 * ```
 * `min(1, …)` guards against `a` rounding a hair above 1 for antipodal points (asin would give NaN).
 * In `geoWithin`, point 1 is the row (latitudeField, longitudeField) and point 2 is `$geometry`.
 * libm and V8 may differ in the last bit of sin/cos, so a distance within ~1e-6 m of a bound can
 * decide differently in SQL and JS; differential tests keep away from exact bounds.
 *
 * @example
 * Math.round(haversineMetres(48.8566, 2.3522, 51.5074, -0.1278) / 1000); // 344 (Paris → London, km)
 */
export function haversineMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * DEGREES_TO_RADIANS;
  const dLng = (lng2 - lng1) * DEGREES_TO_RADIANS;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLng / 2);
  const a = s1 * s1 + Math.cos(lat1 * DEGREES_TO_RADIANS) * Math.cos(lat2 * DEGREES_TO_RADIANS) * s2 * s2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}
