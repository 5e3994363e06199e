import type { AnySchema } from "@appflare/schema";
import type * as z from "zod";
import type { ArgsDef, ArgsOutput } from "./args";
import type { AuthedContext, HandlerContext, JobContext } from "./HandlerContext";
import {
  type CronDefinition,
  type Middleware,
  type MutationDefinition,
  type QueryDefinition,
  type SchedulerDefinition,
  type StorageAccess,
  type StorageManagerDefinition,
  tagDefinition,
} from "./HandlerDefinition";
import { normalizeCronTriggers } from "./normalizeCronTriggers";

/** Options of `query(...)` and `mutation(...)`. */
export interface RequestHandlerOptions<A extends ArgsDef, R, Ctx> {
  /** Zod raw shape (or `z.object`/`z.strictObject`) of the arguments. Default `{}`. */
  args?: A;
  /** 401 `unauthorized` when nobody is signed in. Default `false`. */
  authRequired?: boolean;
  /** Runs after auth, before the handler; may `ctx.error(...)`. */
  middleware?: Middleware<Ctx, ArgsOutput<A>>;
  handler: (ctx: Ctx, args: ArgsOutput<A>) => R;
  /**
   * Zod schema of the result: every result is checked against it (a mismatch is a logged 500 naming
   * the handler, never a wrong answer) and `/openapi.json` documents it. The result is sent as the
   * handler returned it, not as parsed.
   */
  returns?: z.core.$ZodType;
  /** What the handler does, for `/openapi.json` (default: the export's JSDoc, filled in by codegen). */
  description?: string;
}

/** Options of `scheduler(...)`. */
export interface SchedulerOptions<A extends ArgsDef, Ctx> {
  /** Validates the enqueued payload. Default `{}`. */
  args?: A;
  handler: (ctx: Ctx, args: ArgsOutput<A>) => unknown;
}

/** Options of `cron(...)`. */
export interface CronOptions<Ctx> {
  /** One cron expression or several; collected into wrangler.json `triggers.crons`. */
  cronTrigger: string | readonly string[];
  handler: (ctx: Ctx) => unknown;
}

/** Options of `storageManager(...)`. */
export interface StorageManagerOptions<Ctx> {
  handler: (ctx: Ctx, access: StorageAccess) => boolean | Promise<boolean>;
}

/** Options of a `query`/`mutation` with `authRequired: true`: its `ctx.user` is not `null`. */
export type AuthedHandlerOptions<A extends ArgsDef, R, Ctx> = Omit<
  RequestHandlerOptions<A, R, AuthedContext<Ctx>>,
  "authRequired"
> & { authRequired: true };

/** The builders `defineHandlers` returns, typed to one app's schema, bindings and context extension. */
export interface HandlerBuilders<S extends AnySchema, Env, Ext extends object> {
  /** With `authRequired: true`, `ctx.user` and `ctx.session` are non-null in the middleware and handler. */
  query<A extends ArgsDef = {}, R = unknown>(
    options: AuthedHandlerOptions<A, R, HandlerContext<S, Env, Ext>>,
  ): QueryDefinition<A, R, AuthedContext<HandlerContext<S, Env, Ext>>>;
  query<A extends ArgsDef = {}, R = unknown>(
    options: RequestHandlerOptions<A, R, HandlerContext<S, Env, Ext>>,
  ): QueryDefinition<A, R, HandlerContext<S, Env, Ext>>;
  /** With `authRequired: true`, `ctx.user` and `ctx.session` are non-null in the middleware and handler. */
  mutation<A extends ArgsDef = {}, R = unknown>(
    options: AuthedHandlerOptions<A, R, HandlerContext<S, Env, Ext>>,
  ): MutationDefinition<A, R, AuthedContext<HandlerContext<S, Env, Ext>>>;
  mutation<A extends ArgsDef = {}, R = unknown>(
    options: RequestHandlerOptions<A, R, HandlerContext<S, Env, Ext>>,
  ): MutationDefinition<A, R, HandlerContext<S, Env, Ext>>;
  scheduler<A extends ArgsDef = {}>(
    options: SchedulerOptions<A, JobContext<S, Env, Ext>>,
  ): SchedulerDefinition<A, JobContext<S, Env, Ext>>;
  cron(options: CronOptions<JobContext<S, Env, Ext>>): CronDefinition<JobContext<S, Env, Ext>>;
  storageManager(
    options: StorageManagerOptions<HandlerContext<S, Env, Ext>>,
  ): StorageManagerDefinition<HandlerContext<S, Env, Ext>>;
}

/**
 * Returns the handler builders typed to the app's schema `S`, its Worker bindings `Env` and what the
 * runtime adds to `ctx` (`Ext`). The generated `<outDir>/handlers.ts` calls it once; handler files
 * import the builders from there.
 *
 * @example
 * export const { query, mutation, scheduler, cron, storageManager } = defineHandlers<typeof schema, Env>();
 *
 * export const list = query({
 *   args: { projectId: z.string() },
 *   handler: (ctx, args) => ctx.db.tasks.findMany({ where: { projectId: args.projectId } }),
 * });
 */
export function defineHandlers<
  S extends AnySchema,
  Env = Cloudflare.Env,
  Ext extends object = {},
>(): HandlerBuilders<S, Env, Ext> {
  // One implementation serves both overloads: `authRequired` is enforced at run time (401 before
  // the middleware), which is what makes the narrowed overload's `ctx.user` non-null.
  type Builders = HandlerBuilders<S, Env, Ext>;
  const request =
    <K extends "query" | "mutation">(kind: K) =>
    (options: RequestHandlerOptions<ArgsDef, unknown, never>) =>
      tagDefinition({
        kind,
        args: options.args ?? emptyArgs(),
        authRequired: options.authRequired ?? false,
        middleware: options.middleware,
        handler: options.handler,
        returns: options.returns,
        description: options.description,
      });
  return {
    query: request("query") as unknown as Builders["query"],
    mutation: request("mutation") as unknown as Builders["mutation"],
    scheduler: (options) =>
      tagDefinition({ kind: "scheduler", args: options.args ?? emptyArgs(), handler: options.handler }),
    cron: (options) =>
      tagDefinition({
        kind: "cron",
        cronTrigger: normalizeCronTriggers(options.cronTrigger),
        handler: options.handler,
      }),
    storageManager: (options) => tagDefinition({ kind: "storageManager", handler: options.handler }),
  };
}

// `args` omitted means "no arguments": the empty shape, typed as the `A` the caller did not give.
const emptyArgs = <A>(): A => ({}) as A;
