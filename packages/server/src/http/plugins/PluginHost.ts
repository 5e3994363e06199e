import type { AnySchema } from "@appflare/schema";
import type { Hono } from "hono";
import type { AppflareAuth } from "../../auth/AppflareAuth";
import type { AuthRuntime } from "../../auth/createAuthRuntime";
import type { ResolvedConfig } from "../../config/ResolvedConfig";
import type { CollectedHandler } from "../../handlers/collectHandlers";
import type { BaseContext, SessionRecord, SessionUser } from "../../handlers/HandlerContext";
import type { StorageClient } from "../../storage/createStorageClient";
import type { AppEnv } from "../AppEnv";
import type { CallResult } from "../HandlerEngine";
import type { RunQueryOptions } from "../RunQueryOptions";
import type { ResolvedSession } from "../WorkerHooks";

/** Options of `host.runHandler`: the caller and bindings, plus the execution context events are published in. */
export interface RunHandlerOptions<Env> extends RunQueryOptions<Env> {
  /** Where committed events are published (`waitUntil`); without it they are published unawaited. */
  readonly executionCtx?: ExecutionContext;
}

/** Options of `host.withContext`. */
export interface WithContextOptions<Env> {
  readonly env: Env;
  readonly executionCtx?: ExecutionContext;
  /** `ctx.user` for the run (storage managers and the app's extension see it); default `null`. */
  readonly user?: SessionUser | null;
  /** Reported as the handler name of the published events (e.g. "dashboard"). */
  readonly name: string;
}

/**
 * The `ctx` of `host.withContext`: the data API, raw Drizzle, bindings, and the auth and storage
 * layers when they are configured. Its `db` is untyped by table (a plugin serves any schema).
 */
export interface SystemContext extends BaseContext<AnySchema, unknown> {
  readonly user: SessionUser | null;
  readonly session: SessionRecord | null;
  /** The Better Auth instance, or `undefined` when auth is disabled. */
  readonly auth: AppflareAuth | undefined;
  /** Storage checked by the storage managers as `user`, or `undefined` without `config.storage`. */
  readonly storage: StorageClient | undefined;
}

/** What `createWorker` hands each plugin's `setup`. */
export interface PluginHost<Env extends object> {
  /** The Worker's Hono app; global middleware is installed, core routes are mounted after every setup. */
  readonly app: Hono<AppEnv<Env>>;
  readonly config: ResolvedConfig;
  /** The app schema with the config's user additional fields. */
  readonly schema: AnySchema;
  /** Every handler found in `modules` (name, kind, definition). */
  readonly handlers: readonly CollectedHandler[];
  /** The auth runtime, or `undefined` when auth is disabled. */
  readonly auth: AuthRuntime<{}, Env> | undefined;
  /** Caller of a request (bearer or cookie), exactly as the handler routes resolve it; `null` = anonymous. */
  resolveSession(request: Request, env: Env): Promise<ResolvedSession | null>;
  /** Caller for a bare bearer token (realtime `authToken`): signed tokens only; `null` when invalid or expired. */
  resolveToken(token: string, env: Env): Promise<ResolvedSession | null>;
  /** Same as `createWorker().runQuery`: runs a query with HTTP's checks and returns `{ data, readSet }`. */
  runQuery(name: string, args: unknown, options: RunQueryOptions<Env>): Promise<CallResult>;
  /**
   * Runs a query or mutation by name as the given caller with HTTP's checks (args, `authRequired`, ban,
   * middleware); a mutation's committed events are published to every plugin like over HTTP.
   */
  runHandler(
    kind: "query" | "mutation",
    name: string,
    args: unknown,
    options: RunHandlerOptions<Env>,
  ): Promise<CallResult>;
  /**
   * Runs `fn` with a system handler context outside any handler. Committed `ctx.db` writes are
   * published like a mutation's, reported under `options.name`.
   */
  withContext<T>(options: WithContextOptions<Env>, fn: (ctx: SystemContext) => Promise<T>): Promise<T>;
  /** The R2 bucket binding when `config.storage` is set, else `undefined`. */
  storageBucket(env: Env): R2Bucket | undefined;
}
