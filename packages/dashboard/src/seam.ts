/**
 * The plugin seam of `createWorker` as agreed with `@appflare/server`. Kept here until the server
 * exports it; every dashboard file imports these names from this one module, so switching to the
 * server's own types is a one-line change.
 */
import type { AnySchema } from "@appflare/schema";
import type {
  AppEnv,
  CallResult,
  CollectedHandler,
  MutationEvent,
  MutationEventsInfo,
  ResolvedConfig,
  ResolvedSession,
  RunQueryOptions,
  SessionUser,
} from "@appflare/server";
import type { Hono } from "hono";

export interface SessionsRevoked {
  readonly userId: string;
  readonly sessionId?: string;
  readonly reason: "sign-out" | "ban" | "revoke" | "delete";
}

export interface PluginHooks<Env> {
  onMutationEvents?(events: readonly MutationEvent[], info: MutationEventsInfo<Env>): void | Promise<void>;
  onSessionsRevoked?(
    change: SessionsRevoked,
    info: { env: Env; executionCtx: ExecutionContext | undefined },
  ): void | Promise<void>;
  readonly exports?: Readonly<Record<string, unknown>>;
}

/** What the dashboard reaches of `ctx` in `withContext`. */
export interface SystemContext {
  readonly db: object;
  readonly env: object;
  readonly auth?: unknown;
}

/** The auth runtime as the dashboard uses it. */
export interface PluginAuth<Env> {
  readonly basePath: string;
  authFor(env: Env): unknown;
}

export interface PluginHost<Env extends object> {
  readonly app: Hono<AppEnv<Env>>;
  readonly config: ResolvedConfig;
  readonly schema: AnySchema;
  readonly handlers: readonly CollectedHandler[];
  readonly auth: PluginAuth<Env> | undefined;
  resolveSession(request: Request, env: Env): Promise<ResolvedSession | null>;
  resolveToken(token: string, env: Env): Promise<ResolvedSession | null>;
  runQuery(name: string, args: unknown, options: RunQueryOptions<Env>): Promise<CallResult>;
  runHandler(
    kind: "query" | "mutation",
    name: string,
    args: unknown,
    options: RunQueryOptions<Env> & { readonly executionCtx?: ExecutionContext },
  ): Promise<CallResult>;
  withContext<T>(
    options: {
      readonly env: Env;
      readonly executionCtx?: ExecutionContext;
      readonly user?: SessionUser | null;
      readonly name: string;
    },
    fn: (ctx: SystemContext) => Promise<T>,
  ): Promise<T>;
  storageBucket(env: Env): R2Bucket | undefined;
}

export interface AppflarePlugin<Env extends object = Cloudflare.Env> {
  readonly name: string;
  setup(host: PluginHost<Env>): PluginHooks<Env> | undefined;
}
