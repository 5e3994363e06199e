import type { SessionsRevoked, SessionsRevokedInfo } from "../../auth/SessionsRevoked";
import type { MutationEvent } from "../../db/MutationEvent";
import type { MutationEventsInfo } from "../WorkerHooks";
import type { PluginHost } from "./PluginHost";

/**
 * A layer that plugs into `createWorker({ plugins: [...] })` (realtime, dashboard): it mounts its own
 * routes on `host.app` and may receive committed mutation events and session revocations.
 *
 * @example
 * const hello: AppflarePlugin = {
 *   name: "hello",
 *   setup(host) {
 *     host.app.get("/hello", (c) => c.json({ app: host.config.name }));
 *     return { onMutationEvents: (events) => console.log(events.length) };
 *   },
 * };
 */
export interface AppflarePlugin<Env extends object = Cloudflare.Env> {
  /** Unique among the worker's plugins ("realtime", "dashboard"); named in errors. */
  readonly name: string;
  /**
   * Called once by `createWorker` after the core layers (config, schema with user fields, auth,
   * scheduler, storage, handler engine) and the global middleware (request id, CORS, body limit, error
   * responses) are in place, and BEFORE any core route is mounted: routes and middleware it adds on
   * `host.app` run before the core's.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a setup that only mounts routes returns nothing (the agreed seam)
  setup(host: PluginHost<Env>): PluginHooks<Env> | void;
}

/** What a plugin's `setup` may return. Every member is optional. */
export interface PluginHooks<Env> {
  /**
   * Events of committed `ctx.db` writes (same contract as `WorkerHooks.onMutationEvents`: after the
   * handler settled, in `waitUntil`; a throw is logged, never surfaced to the caller).
   */
  onMutationEvents?(events: readonly MutationEvent[], info: MutationEventsInfo<Env>): void | Promise<void>;
  /**
   * A user's sessions ended through the auth routes (sign-out, admin ban / revoke-user-sessions /
   * remove-user, the user's own revoke-sessions). Called after the auth route succeeded, in
   * `waitUntil`; a refused call (wrong credentials, not an admin) produces nothing.
   */
  onSessionsRevoked?(change: SessionsRevoked, info: SessionsRevokedInfo<Env>): void | Promise<void>;
  /** Values the generated worker re-exports by name (Durable Object classes): `{ AppflareRealtime: Class }`. */
  readonly exports?: Readonly<Record<string, unknown>>;
}
