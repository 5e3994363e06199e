import { type AnySchema, compileSchema } from "@appflare/schema";
import { drizzle } from "drizzle-orm/d1";
import { createDb } from "../db/createDb";
import type { DbRuntime } from "../db/DbRuntime";
import { HandlerError } from "../errors/AppflareError";
import type { ContextInfo, ResolvedSession, WorkerHooks } from "./WorkerHooks";

/** Tracks what a query touched beyond `ctx.db` reads (for its realtime read set). */
export interface UsageTracker {
  usesUser: boolean;
}

/** Everything one handler call's `ctx` is built from. */
export interface ContextSetup<Env> {
  readonly info: ContextInfo<Env>;
  readonly schema: AnySchema;
  readonly database: D1Database;
  /** `null` for anonymous calls and always for scheduler/cron. */
  readonly caller: ResolvedSession | null;
  readonly tracker: UsageTracker;
  readonly extendContext: WorkerHooks<Env>["extendContext"];
}

const BUILT_IN = new Set(["db", "$db", "env", "request", "user", "session", "error", "mutationEvents"]);

/**
 * Builds `ctx` for one call. `db` and `$db` are created on first use; reading `user`/`session` marks
 * the call as user-dependent and reading `$db` marks its read set "unknown" (raw SQL is not tracked),
 * which is why these are getters rather than plain values.
 */
export async function createHandlerContext<Env>(setup: ContextSetup<Env>): Promise<object> {
  const { info, tracker } = setup;
  const runtime: DbRuntime = info.runtime;
  let db: unknown;
  let rawDb: unknown;
  const ctx: object = {};
  const fields: PropertyDescriptorMap = {
    db: { enumerable: true, get: () => (db ??= createDb(runtime)) },
    $db: {
      enumerable: true,
      get: () => {
        if (rawDb === undefined) {
          runtime.reads.push({ unknown: true });
          rawDb = drizzle(setup.database, { schema: compileSchema(setup.schema).drizzleSchema });
        }
        return rawDb;
      },
    },
    env: { enumerable: true, value: info.env },
    error: { enumerable: false, value: raiseHandlerError },
    mutationEvents: { enumerable: true, get: () => runtime.events },
    user: {
      enumerable: true,
      get: () => {
        tracker.usesUser = true;
        return setup.caller?.user ?? null;
      },
    },
    session: {
      enumerable: true,
      get: () => {
        tracker.usesUser = true;
        return setup.caller?.session ?? null;
      },
    },
  };
  if (info.request) fields.request = { enumerable: true, value: info.request };
  Object.defineProperties(ctx, fields);

  const extension = await setup.extendContext?.(ctx, info);
  if (extension) {
    const descriptors = Object.getOwnPropertyDescriptors(extension);
    for (const key of Object.keys(descriptors)) {
      if (BUILT_IN.has(key)) {
        throw new TypeError(`hooks.extendContext returned "${key}", a built-in ctx field it may not replace`);
      }
    }
    Object.defineProperties(ctx, descriptors);
  }
  // Not frozen: middleware may attach its own fields for the handler (built-ins are read-only).
  return ctx;
}

/** `ctx.error(status, message, details?)`. A status outside 400–599 is a programming error (→ 500). */
function raiseHandlerError(status: number, message: string, details?: unknown): never {
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new TypeError(`ctx.error(status, ...) needs a 4xx or 5xx status, got ${String(status)}`);
  }
  throw new HandlerError(status, String(message), details);
}
