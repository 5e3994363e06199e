import { requireRole } from "../../../src/auth/requireRole";
import { mutation, query } from "./handlers";

/** The admin role check (docs/auth.md), written by hand in a middleware. */
export const stats = query({
  middleware: (ctx) => {
    if (ctx.user?.role !== "admin") ctx.error(403, "Admins only");
  },
  handler: async (ctx) => ({ users: await ctx.db.users.count() }),
});

/** The same check through the `requireRole` helper. */
export const touch = mutation({
  middleware: requireRole("admin"),
  handler: (ctx) => ({ by: ctx.user?.id ?? null }),
});
