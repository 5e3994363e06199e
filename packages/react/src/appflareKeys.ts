/** The key of an infinite query: `["appflare", "infinite", name, args?]` (pages are not `query` data). */
export type AppflareInfiniteKey = readonly ["appflare", "infinite", string, unknown?];

/** `meta` marker of a query the realtime binder keeps live. */
export const REALTIME_META = "appflareRealtime";

/**
 * The key of an infinite query of `name` with `args`.
 *
 * @example
 * infiniteKey("tasks/page", { prefix: "a" }); // ["appflare", "infinite", "tasks/page", { prefix: "a" }]
 */
export function infiniteKey(name: string, args: unknown): AppflareInfiniteKey {
  return args === undefined ? ["appflare", "infinite", name] : ["appflare", "infinite", name, args];
}
