/**
 * A stored value as CSV cell text, the way an import reads it back: `null` as an empty cell, dates as
 * ISO 8601, JSON columns as compact JSON text, booleans as `true`/`false`.
 *
 * @example
 * csvCell({ tags: ["a"] }); // '{"tags":["a"]}'
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
