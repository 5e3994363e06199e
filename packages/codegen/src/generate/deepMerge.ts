type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Merges `override` into `base` (neither is modified): nested objects merge key by key, while arrays
 * and scalars in `override` replace what `base` had — so `wrangler: { triggers: { crons: [] } }` in the
 * config really removes the generated crons instead of appending to them.
 *
 * @example
 * deepMerge({ vars: { A: "1" }, routes: ["a"] }, { vars: { B: "2" }, routes: ["b"] });
 * // { vars: { A: "1", B: "2" }, routes: ["b"] }
 */
export function deepMerge(base: Plain, override: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === "__proto__") continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}
