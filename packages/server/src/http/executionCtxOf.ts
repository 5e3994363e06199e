import type { Context } from "hono";

/**
 * The request's `ExecutionContext`, or `undefined` when the Worker was called without one (a plain
 * `app.fetch(request)`), where Hono's getter throws.
 *
 * @example
 * executionCtxOf(c)?.waitUntil(publish());
 */
export function executionCtxOf(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}
