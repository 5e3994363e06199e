import type { Hono } from "hono";
import type { AuthOptions } from "./AppflareAuth";
import type { AuthRuntime } from "./createAuthRuntime";

/**
 * Mounts Better Auth at `GET,POST <basePath>/*` (api.md §5) on the Worker's Hono app. Nothing is
 * mounted when auth is disabled, so those paths fall through to the app's 404.
 *
 * @example
 * mountAuthRoutes(worker.app, auth); // before the first request: Hono freezes its router then
 */
export function mountAuthRoutes<O extends AuthOptions, Env extends object, E extends { Bindings: Env }>(
  app: Hono<E>,
  runtime: AuthRuntime<O, Env>,
): void {
  if (!runtime.enabled) return;
  app.on(["GET", "POST"], `${runtime.basePath.replace(/\/+$/, "")}/*`, (c) =>
    runtime.handle(c.req.raw, c.env),
  );
}
