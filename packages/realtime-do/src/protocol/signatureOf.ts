/**
 * The appflare 0.2 subscription signature: `queryName + "::" + JSON of args with keys sorted
 * recursively` (array order kept, `undefined` properties dropped as JSON does).
 *
 * @example
 * signatureOf("tasks/list", { b: 1, a: { d: 2, c: 3 } }); // 'tasks/list::{"a":{"c":3,"d":2},"b":1}'
 */
export function signatureOf(queryName: string, args: unknown): string {
  return `${queryName}::${stableJson(args)}`;
}

/** JSON with object keys sorted recursively: equal values give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}
