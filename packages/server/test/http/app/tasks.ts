import { sql } from "drizzle-orm";
import * as z from "zod";
import { query } from "./handlers";

/** Returns its parsed args: exercises JSON args and `?k=v` coercion. */
export const echo = query({
  args: {
    n: z.number(),
    flag: z.boolean().optional(),
    tags: z.array(z.string()).optional(),
    nums: z.array(z.number()).optional(),
    when: z.date().optional(),
    level: z.enum(["low", "high"]).optional(),
    maybe: z.number().nullable().optional(),
    label: z.string().optional(),
    filter: z.object({ done: z.boolean() }).optional(),
  },
  handler: (_ctx, args) => ({ ...args, protoPolluted: ({} as Record<string, unknown>).polluted ?? null }),
});

/** Rejects unknown keys (`__proto__` included). */
export const strict = query({
  args: z.strictObject({ x: z.number() }),
  handler: (_ctx, args) => ({ x: args.x, keys: Object.keys(args) }),
});

export const dates = query({
  handler: async () => ({
    at: new Date(0),
    list: [new Date(86_400_000), null],
    nested: { when: new Date(1_000), skipped: undefined },
  }),
});

export const nothing = query({ handler: () => undefined });

export const secret = query({
  authRequired: true,
  handler: (ctx) => ({ userId: ctx.user?.id ?? null }),
});

export const whoami = query({ handler: (ctx) => ctx.user?.id ?? null });

/** An unexpected error whose message must never reach the client. */
export const crash = query({
  handler: () => {
    throw new Error("D1_ERROR: no such column: password_hash: SELECT password_hash FROM users");
  },
});

/** A raw D1 failure (real D1 error text) must not reach the client either. */
export const d1crash = query({
  handler: (ctx) => ctx.env.DB.prepare("SELECT secret_column FROM users").all(),
});

export const teapot = query({
  args: { withDetails: z.boolean().default(true) },
  handler: (ctx, args) => ctx.error(418, "I'm a teapot", args.withDetails ? { brewing: true } : undefined),
});

export const badStatus = query({ handler: (ctx) => ctx.error(200, "not an error status") });

/** `ctx.$db` works against the real D1 and marks the read set "unknown". */
export const rawCount = query({
  handler: async (ctx) => {
    const rows = await ctx.$db.all<{ n: number }>(sql`SELECT count(*) AS n FROM projects`);
    return rows[0]?.n ?? 0;
  },
});

/** Reads through ctx.db and ctx.user: the read set records both. */
export const myProjects = query({
  handler: (ctx) => ctx.db.projects.findMany({ where: { ownerId: ctx.user?.id ?? "" } }),
});

/** A bad where field in ctx.db input → 400 invalid_query. */
export const badWhere = query({
  handler: (ctx) => ctx.db.tasks.findMany({ where: { titel: "x" } as never }),
});

/** Middleware runs after the auth check and may stop the call. */
export const guarded = query({
  authRequired: true,
  args: { allow: z.boolean() },
  middleware: (ctx, args, request) => {
    if (!args.allow) ctx.error(403, "Blocked by middleware", { path: new URL(request.url).pathname });
  },
  handler: (ctx) => ({ stamp: ctx.stamp, user: ctx.user?.id ?? null }),
});
