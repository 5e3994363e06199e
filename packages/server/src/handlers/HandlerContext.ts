import type { AnySchema, CompiledSchema } from "@appflare/schema";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { MutationEvent } from "../db/MutationEvent";
import type { Db } from "../db/types/TableClient";

/**
 * The signed-in user as the runtime needs it (the auth layer's user type extends this: Better Auth
 * adds `email`, `name`, additional fields...). `banned`/`banExpires` drive the 403 check.
 */
export interface SessionUser {
  readonly id: string;
  readonly role?: string | null;
  readonly banned?: boolean | null;
  readonly banExpires?: Date | string | number | null;
}

/** The current session as the runtime needs it. */
export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
}

/** Fields every handler context has, whatever started it (request, queue message or cron). */
export interface BaseContext<S extends AnySchema, Env> {
  /** The typed data API (docs/data-api.md). */
  readonly db: Db<S>;
  /**
   * Raw Drizzle D1 instance: bypasses defaults, JSON handling and realtime (its writes publish no
   * events, and a query that touches it re-runs on every mutation).
   */
  readonly $db: DrizzleD1Database<CompiledSchema["drizzleSchema"]>;
  /** Worker bindings. */
  readonly env: Env;
  /**
   * Stops the handler: the response is `status` (4xx/5xx) with `{ message, details }`.
   * @example if (!task) ctx.error(404, "Task not found", { id: args.id });
   */
  error(status: number, message: string, details?: unknown): never;
  /** Events of the `ctx.db` writes committed so far in this handler. */
  readonly mutationEvents: readonly MutationEvent[];
}

/** Replaces fields of `Base` with those of `Ext` (the auth/storage/scheduler layers add or refine fields). */
export type Extend<Base, Ext> = [keyof Ext] extends [never] ? Base : Omit<Base, keyof Ext> & Ext;

/**
 * `ctx` of queries, mutations and storage managers. `Ext` is what `hooks.extendContext` adds (e.g.
 * `auth`, `storage`, `scheduler`) and may refine `user`/`session` to the auth layer's types.
 */
export type HandlerContext<S extends AnySchema, Env, Ext extends object = {}> = Extend<
  BaseContext<S, Env> & {
    /** The signed-in user, or `null`. Reading it makes a realtime subscription per-user. */
    readonly user: SessionUser | null;
    readonly session: SessionRecord | null;
    /** The raw request. Realtime re-runs get the request `runQuery` was given, else a bare GET of the route. */
    readonly request: Request;
  },
  Ext
>;

/**
 * `ctx` of a handler declared with `authRequired: true`: the runtime answers 401 before the middleware
 * and the handler run when nobody is signed in, so `user` and `session` are never `null` there.
 */
export type AuthedContext<Ctx> = Ctx & {
  readonly user: NonNullable<Ctx extends { readonly user: infer U } ? U : never>;
  readonly session: NonNullable<Ctx extends { readonly session: infer T } ? T : never>;
};

/** `ctx` of scheduler and cron handlers: no request, and `user`/`session` are always `null`. */
export type JobContext<S extends AnySchema, Env, Ext extends object = {}> = Extend<
  BaseContext<S, Env> & { readonly user: null; readonly session: null },
  Omit<Ext, "user" | "session" | "request">
>;
