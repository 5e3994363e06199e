import type { DbRuntime } from "../db/DbRuntime";
import type { MutationEvent } from "../db/MutationEvent";
import type { SessionRecord, SessionUser } from "../handlers/HandlerContext";
import type { HandlerKind } from "../handlers/HandlerDefinition";
import type { SchedulerJob } from "../scheduler/SchedulerMessage";

/** Who is calling, as `hooks.resolveSession` reports it. */
export interface ResolvedSession {
  readonly user: SessionUser;
  readonly session: SessionRecord | null;
}

/** What `hooks.extendContext` is told about the call it extends. */
export interface ContextInfo<Env> {
  /** `storageManager` when the context is the one storage managers receive for a storage request. */
  readonly kind: HandlerKind;
  /** Handler name (`blog/posts/list`). */
  readonly name: string;
  readonly env: Env;
  /** Absent for scheduler and cron runs (and realtime re-runs without a request). */
  readonly request: Request | undefined;
  /** Absent for realtime re-runs (`runQuery`). */
  readonly executionCtx: ExecutionContext | undefined;
  /** The call's `ctx.db` state: `events` fill as writes commit (a scheduler flushes after them). */
  readonly runtime: DbRuntime;
  readonly user: SessionUser | null;
  /** The Queues message a scheduler task runs for (`ctx.job`); absent for every other call. */
  readonly job?: SchedulerJob;
}

/** What `hooks.onMutationEvents` is told about the events it receives. */
export interface MutationEventsInfo<Env> {
  /** Name of the handler whose writes these are (usually a mutation; jobs and queries may write too). */
  readonly name: string;
  readonly kind: Exclude<HandlerKind, "storageManager">;
  readonly env: Env;
  /** Absent only for realtime re-runs (`runQuery`), which are not expected to write. */
  readonly executionCtx: ExecutionContext | undefined;
  /** The HTTP request id, when the writes came from a request. */
  readonly requestId: string | undefined;
  /**
   * D1 Sessions API bookmark after the writes committed, for read-your-writes under read replication
   * (realtime re-runs pass it to `runQuery`). Every call's `ctx.db` runs on its own D1 session (from
   * the primary); absent only when the binding has no Sessions API.
   */
  readonly bookmark?: string;
}

/**
 * Extension points of `createWorker`: the auth, storage, scheduler and realtime layers plug in here.
 * Every hook is optional; without hooks every caller is anonymous and committed events go nowhere.
 */
export interface WorkerHooks<Env, Ext extends object = {}> {
  /**
   * Resolves the caller of a query/mutation (bearer token, cookie...). `null` = anonymous. May throw
   * an `AppflareError` (e.g. 401 for an expired token) to reject the request.
   */
  resolveSession?(request: Request, env: Env): ResolvedSession | null | Promise<ResolvedSession | null>;
  /**
   * Adds fields to every handler's `ctx` (`auth`, `storage`, `scheduler`...). Getters are kept, so a
   * field can be built lazily. The built-in fields (`db`, `user`, `env`...) cannot be replaced.
   */
  extendContext?(ctx: object, info: ContextInfo<Env>): Ext | Promise<Ext>;
  /**
   * Receives the events of the `ctx.db` writes a mutation, scheduler task or cron run committed, after
   * the handler settled, through `executionCtx.waitUntil` (the response does not wait). Writes that
   * failed never produce events. Errors are logged, never surfaced to the caller.
   */
  onMutationEvents?(events: readonly MutationEvent[], info: MutationEventsInfo<Env>): void | Promise<void>;
}
