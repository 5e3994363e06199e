import { query } from "./handlers";

/** 401 without a session; otherwise the Better Auth user `ctx.user` holds. */
export const me = query({
  authRequired: true,
  handler: (ctx) => ({ id: ctx.user?.id, email: ctx.user?.email, role: ctx.user?.role ?? null }),
});
