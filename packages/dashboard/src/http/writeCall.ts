import type { WriteCall } from "../tables/rowWrites";
import type { DashboardContext, DashboardRuntime } from "./DashboardRuntime";

/** The admin, bindings and execution context of a dashboard request, for `ctx.db` work through the host. */
export function writeCall<Env extends object>(
  c: DashboardContext<Env>,
  runtime: DashboardRuntime<Env>,
): WriteCall<Env> {
  let executionCtx: ExecutionContext | undefined;
  try {
    executionCtx = c.executionCtx;
  } catch {
    // Hono throws when the app runs without one (app.request in tests): events then publish inline.
    executionCtx = undefined;
  }
  return { runtime, env: c.env, executionCtx, admin: c.get("admin") };
}
