import * as z from "zod";
import { query } from "./handlers";

/** The signed-in user (401 without a session): `plan` is the app's additional field. */
export const me = query({
  authRequired: true,
  handler: (ctx) => {
    const user = ctx.user;
    if (!user) return null;
    const plan: string | null | undefined = user.plan;
    return { id: user.id, email: user.email, name: user.name, role: user.role ?? null, plan };
  },
});

/**
 * The caller's additional fields two ways: Better Auth's `ctx.user` (typed from the options) and the
 * `users` row read through `ctx.db` (whose model has the additional columns at run time).
 */
export const profile = query({
  authRequired: true,
  handler: async (ctx) => {
    const id = ctx.user?.id ?? "";
    const tags: string[] | null | undefined = ctx.user?.tags;
    const row = await ctx.db.users.findFirst({ where: { id } });
    return { user: { plan: ctx.user?.plan, tags: tags ?? null }, row };
  },
});

/** Anonymous callers are welcome: `null` without a session. */
export const whoami = query({ handler: (ctx) => ctx.user?.id ?? null });

/** `ctx.auth` is the Better Auth instance: its API sees the caller's bearer token too. */
export const viaAuthApi = query({
  handler: async (ctx) => {
    const session = await ctx.auth.api.getSession({ headers: ctx.request.headers });
    return { userId: session?.user.id ?? null, sessionId: ctx.session?.id ?? null };
  },
});

/**
 * Reaches for the `returned: false` field `recoveryCode` through `ctx.db`, as `?via=` says: a where,
 * a `columns` pick, or a `with` from another row. Each must be a 400 naming the field.
 */
export const recoveryCode = query({
  authRequired: true,
  args: { via: z.enum(["where", "columns", "orderBy", "none"]) },
  handler: async (ctx, { via }) => {
    const id = ctx.user?.id ?? "";
    if (via === "where")
      return ctx.db.users.findMany({ where: { recoveryCode: { startsWith: "r" } } as never });
    if (via === "columns")
      return ctx.db.users.findFirst({ where: { id }, columns: { recoveryCode: true } as never });
    if (via === "orderBy") return ctx.db.users.findMany({ orderBy: { recoveryCode: "asc" } as never });
    return ctx.db.users.findMany({ where: { id } });
  },
});
