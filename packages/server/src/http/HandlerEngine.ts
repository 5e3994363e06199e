import type { AnySchema } from "@appflare/schema";
import { isBanned } from "../auth/isBanned";
import type { ResolvedConfig } from "../config/ResolvedConfig";
import { d1Executor } from "../db/D1Executor";
import { openD1Session } from "../db/D1Session";
import type { DbRuntime } from "../db/DbRuntime";
import type { ReadSet } from "../db/ReadRecord";
import { BannedError, UnauthorizedError } from "../errors/AppflareError";
import type { SessionUser } from "../handlers/HandlerContext";
import type { AnyHandlerDefinition, HandlerKind } from "../handlers/HandlerDefinition";
import type { SchedulerJob } from "../scheduler/SchedulerMessage";
import { checkResult } from "./checkResult";
import { createHandlerContext } from "./createHandlerContext";
import { validateArgs } from "./validateArgs";
import type { ResolvedSession, WorkerHooks } from "./WorkerHooks";

/** What the engine needs from `createWorker`. */
export interface EngineSetup<Env> {
  readonly schema: AnySchema;
  readonly config: ResolvedConfig;
  readonly hooks: WorkerHooks<Env, object>;
}

/** One query or mutation call, after routing. */
export interface RequestCall<Env> {
  readonly kind: "query" | "mutation";
  readonly name: string;
  readonly definition: Extract<AnyHandlerDefinition, { kind: "query" | "mutation" }>;
  readonly rawArgs: unknown;
  readonly env: Env;
  readonly request: Request;
  readonly executionCtx: ExecutionContext | undefined;
  readonly caller: ResolvedSession | null;
  readonly requestId: string | undefined;
  /** D1 bookmark the call's reads start from (a realtime re-run after a write); default the primary. */
  readonly bookmark?: string;
}

/** One scheduler task or cron run. */
export interface JobCall<Env> {
  readonly kind: "scheduler" | "cron";
  readonly name: string;
  readonly definition: Extract<AnyHandlerDefinition, { kind: "scheduler" | "cron" }>;
  readonly rawArgs: unknown;
  readonly env: Env;
  readonly executionCtx: ExecutionContext | undefined;
  /** The message a scheduler task runs for: becomes `ctx.job` (through `ContextInfo.job`). */
  readonly job?: SchedulerJob;
}

/** The context storage managers get for one storage request (`buildContext` of the storage routes). */
export interface StorageContextCall<Env> {
  readonly env: Env;
  readonly request: Request;
  readonly executionCtx: ExecutionContext | undefined;
  readonly caller: ResolvedSession | null;
}

/** One `host.withContext` run. */
export interface SystemCall<Env> {
  readonly name: string;
  readonly env: Env;
  readonly executionCtx: ExecutionContext | undefined;
  readonly user: SessionUser | null;
}

/** A query's or mutation's result and what it read. */
export interface CallResult {
  readonly data: unknown;
  readonly readSet: ReadSet;
}

/**
 * Runs handlers: the part of the request path after routing (docs/handlers.md):
 * parse args → `authRequired` / ban check → middleware → handler, with a fresh `ctx.db` runtime per
 * call, and committed mutation events handed to `hooks.onMutationEvents`.
 */
export class HandlerEngine<Env> {
  constructor(private readonly setup: EngineSetup<Env>) {}

  /** Runs a query or mutation. Throws `AppflareError`s for 400/401/403 and whatever the handler throws. */
  async runRequest(call: RequestCall<Env>): Promise<CallResult> {
    const args = await validateArgs(call.definition.args, call.rawArgs);
    const user = call.caller?.user ?? null;
    if (call.definition.authRequired && !user) throw new UnauthorizedError();
    if (user && isBanned(user)) throw new BannedError();

    const { runtime, bookmark } = this.open(call.env, call.bookmark);
    const tracker = { usesUser: false };
    try {
      const ctx = await createHandlerContext({
        info: {
          kind: call.kind,
          name: call.name,
          env: call.env,
          request: call.request,
          executionCtx: call.executionCtx,
          runtime,
          user,
        },
        schema: this.setup.schema,
        database: this.database(call.env),
        caller: call.caller,
        tracker,
        extendContext: this.setup.hooks.extendContext,
      });
      // Erased definitions take `never`; the ctx and args built here are what their types describe.
      await call.definition.middleware?.(ctx as never, args as never, call.request);
      const data = await call.definition.handler(ctx as never, args as never);
      await checkResult(call.name, call.definition.returns, data);
      return { data, readSet: { reads: [...runtime.reads], usesUser: tracker.usesUser } };
    } finally {
      // Also after a throw: writes that committed before it are real, and realtime must not miss them.
      this.publish(runtime, bookmark, call.kind, call.name, call.env, call.executionCtx, call.requestId);
    }
  }

  /** Runs a scheduler task or cron handler (`ctx.user` is `null`, no request). */
  async runJob(call: JobCall<Env>): Promise<void> {
    const args =
      call.definition.kind === "scheduler" ? await validateArgs(call.definition.args, call.rawArgs) : {};
    const { runtime, bookmark } = this.open(call.env);
    try {
      const ctx = await createHandlerContext({
        info: {
          kind: call.kind,
          name: call.name,
          env: call.env,
          request: undefined,
          executionCtx: call.executionCtx,
          runtime,
          user: null,
          ...(call.job === undefined ? {} : { job: call.job }),
        },
        schema: this.setup.schema,
        database: this.database(call.env),
        caller: null,
        tracker: { usesUser: false },
        extendContext: this.setup.hooks.extendContext,
      });
      await call.definition.handler(ctx as never, args as never);
    } finally {
      this.publish(runtime, bookmark, call.kind, call.name, call.env, call.executionCtx, undefined);
    }
  }

  /**
   * Runs `fn` with a system context (no handler, no request): `ctx.user` as given, committed `ctx.db`
   * writes published under `call.name` as a mutation's (plugins such as the dashboard write this way).
   */
  async runSystem<T>(call: SystemCall<Env>, fn: (ctx: object) => Promise<T>): Promise<T> {
    const { runtime, bookmark } = this.open(call.env);
    try {
      const ctx = await createHandlerContext({
        info: {
          kind: "mutation",
          name: call.name,
          env: call.env,
          request: undefined,
          executionCtx: call.executionCtx,
          runtime,
          user: call.user,
        },
        schema: this.setup.schema,
        database: this.database(call.env),
        caller: call.user ? { user: call.user, session: null } : null,
        tracker: { usesUser: false },
        extendContext: this.setup.hooks.extendContext,
      });
      return await fn(ctx);
    } finally {
      this.publish(runtime, bookmark, "mutation", call.name, call.env, call.executionCtx, undefined);
    }
  }

  /**
   * Builds the `ctx` storage managers receive for a storage request: the caller's `user`/`session`
   * (403 `banned` for a banned caller), `db`, `env`, `request` and the extensions (`auth`...).
   * Writes a manager makes through `ctx.db` are not published (managers are meant to only read).
   */
  async storageContext(call: StorageContextCall<Env>): Promise<object> {
    const user = call.caller?.user ?? null;
    if (user && isBanned(user)) throw new BannedError();
    return createHandlerContext({
      info: {
        kind: "storageManager",
        name: "storage",
        env: call.env,
        request: call.request,
        executionCtx: call.executionCtx,
        runtime: this.open(call.env).runtime,
        user,
      },
      schema: this.setup.schema,
      database: this.database(call.env),
      caller: call.caller,
      tracker: { usesUser: false },
      extendContext: this.setup.hooks.extendContext,
    });
  }

  /** A fresh `ctx.db` runtime on its own D1 session, and that session's bookmark (for the events). */
  private open(env: Env, startAt?: string): { runtime: DbRuntime; bookmark: () => string | undefined } {
    const session = openD1Session(this.database(env), startAt);
    const runtime: DbRuntime = {
      model: this.setup.schema.model,
      executor: d1Executor(session.db),
      limits: this.setup.config.database.query,
      reads: [],
      events: [],
    };
    return { runtime, bookmark: () => session.bookmark() };
  }

  private database(env: Env): D1Database {
    const binding = this.setup.config.database.binding;
    const db = (env as Record<string, unknown> | undefined)?.[binding];
    if (typeof db !== "object" || db === null || typeof (db as D1Database).prepare !== "function") {
      throw new Error(
        `The D1 binding "${binding}" is missing from the Worker env: add it to wrangler.json (appflare build does), or set config.database.binding`,
      );
    }
    return db as D1Database;
  }

  private publish(
    runtime: DbRuntime,
    bookmark: () => string | undefined,
    kind: Exclude<HandlerKind, "storageManager">,
    name: string,
    env: Env,
    executionCtx: ExecutionContext | undefined,
    requestId: string | undefined,
  ): void {
    const hook = this.setup.hooks.onMutationEvents;
    if (!hook || runtime.events.length === 0) return;
    const events = [...runtime.events];
    const at = bookmark();
    const info = { name, kind, env, executionCtx, requestId, ...(at === undefined ? {} : { bookmark: at }) };
    const sent = Promise.resolve()
      .then(() => hook(events, info))
      .catch((error: unknown) => {
        console.error(`[appflare] publishing ${events.length} mutation event(s) of "${name}" failed:`, error);
      });
    executionCtx?.waitUntil(sent);
  }
}
