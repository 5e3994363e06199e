import { stableJson } from "../protocol/signatureOf";

/**
 * The key runs are shared under: `(queryName, args with keys sorted, userId)`. The user is always part
 * of it, even when a query never reads `ctx.user`: `authRequired`, ban checks and middleware still
 * depend on who asks, and a socket must never receive a result computed for someone else.
 *
 * @example
 * subscriptionKey("tasks/list", { b: 1, a: 2 }, "u1"); // '["tasks/list",{"a":2,"b":1},"u1"]'
 */
export function subscriptionKey(queryName: string, args: unknown, userId: string | null): string {
  return stableJson([queryName, args ?? {}, userId]);
}
