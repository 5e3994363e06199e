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
