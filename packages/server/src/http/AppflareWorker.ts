import type { AnySchema } from "@appflare/schema";
import type { Hono } from "hono";
import type { AuthRuntime } from "../auth/createAuthRuntime";
import type { AppflareConfig } from "../config/AppflareConfig";
import type { ResolvedConfig } from "../config/ResolvedConfig";
import type { CollectedHandler, HandlerModules } from "../handlers/collectHandlers";
import type { SchedulerRuntime } from "../scheduler/createSchedulerRuntime";
import type { AppEnv } from "./AppEnv";
import type { CallResult } from "./HandlerEngine";
import type { AppflarePlugin } from "./plugins/AppflarePlugin";
import type { RunQueryOptions } from "./RunQueryOptions";
import type { WorkerHooks } from "./WorkerHooks";

/** Options of `createWorker`. */
export interface CreateWorkerOptions<Env extends object, Ext extends object> {
  /**
   * The app's `schema(...)` value; `config.auth.options.user.additionalFields` are added to its `users`
   * table (`withUserFields`) for the auth adapter and `ctx.db` alike.
   */
  readonly schema: AnySchema;
  /** The app's `defineConfig(...)` value (validated and resolved here). */
  readonly config: AppflareConfig;
  /** Handler modules keyed by path under scanDir (the generated `api.ts` `modules`). */
  readonly modules: HandlerModules;
  /**
   * Overrides and additions: `resolveSession` replaces the auth layer's, `extendContext` adds fields
   * after the built-in extensions (`auth`, `scheduler`, `job`, `storage`) and may replace them.
   */
  readonly hooks?: WorkerHooks<Env, Ext>;
  /** Layers such as `realtime()` and `dashboard()`, set up in order; names must be unique. */
  readonly plugins?: readonly AppflarePlugin<Env>[];
}

/** The Worker entry points (`export default app.worker`). */
export interface AppflareExportedHandler<Env> {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response>;
  queue(batch: MessageBatch, env: Env, ctx: ExecutionContext): Promise<void>;
  scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void>;
}

/** What `createWorker` returns. */
export interface AppflareWorker<Env extends object> {
  readonly worker: AppflareExportedHandler<Env>;
  /** The Hono app (plugins mount their routes on it during `setup`). */
  readonly app: Hono<AppEnv<Env>>;
  readonly config: ResolvedConfig;
  /** Every handler found in `modules`, sorted by name. */
  readonly handlers: readonly CollectedHandler[];
  /** The auth layer (`ctx.auth`, sessions, `/api/auth/*`), or `undefined` when `auth.enabled` is false. */
  readonly auth: AuthRuntime<{}, Env> | undefined;
  /** The scheduler layer (`ctx.scheduler`, `ctx.job`, the Queues consumer behind `worker.queue`). */
  readonly scheduler: SchedulerRuntime<Env>;
  /** The plugins' `exports` merged (Durable Object classes the generated worker re-exports by name). */
  readonly exports: Readonly<Record<string, unknown>>;
  /**
   * Runs a query outside HTTP (the realtime Durable Object's executor): same arg parsing, auth and ban
   * checks as `GET /queries/<name>`, and returns the result with the read set it recorded. Throws the
   * same `AppflareError`s (404 unknown query, 400 bad args, 401, 403).
   */
  runQuery(name: string, args: unknown, options: RunQueryOptions<Env>): Promise<CallResult>;
}
