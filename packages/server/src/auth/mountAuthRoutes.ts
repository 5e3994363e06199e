import type { Hono } from "hono";
import { executionCtxOf } from "../http/executionCtxOf";
import type { AuthOptions } from "./AppflareAuth";
import type { AuthRuntime } from "./createAuthRuntime";
import type { SessionsRevoked } from "./SessionsRevoked";

/** Receives the sessions an auth request ended, with that request's bindings and execution context. */
export type RevocationListener<Env> = (
  change: SessionsRevoked,
  env: Env,
  executionCtx: ExecutionContext | undefined,
) => void;

/**
 * Mounts Better Auth at `GET,POST <basePath>/*` (api.md §5) on the Worker's Hono app. Nothing is
 * mounted when auth is disabled, so those paths fall through to the app's 404. With `onRevoked`,
 * successful sign-outs, bans and session revocations are reported to it.
 *
 * @example
 * mountAuthRoutes(worker.app, auth); // before the first request: Hono freezes its router then
 */
export function mountAuthRoutes<O extends AuthOptions, Env extends object, E extends { Bindings: Env }>(
  app: Hono<E>,
  runtime: AuthRuntime<O, Env>,
  onRevoked?: RevocationListener<Env>,
): void {
  if (!runtime.enabled) return;
  app.on(["GET", "POST"], `${runtime.basePath.replace(/\/+$/, "")}/*`, (c) =>
    runtime.handle(c.req.raw, c.env, onRevoked && ((change) => onRevoked(change, c.env, executionCtxOf(c)))),
  );
}
