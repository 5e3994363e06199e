import * as z from "zod";
import { mutation, query } from "./handlers";

/** Anyone may add a label (the events tests need a plain write). */
export const add = mutation({
  args: { name: z.string().min(1) },
  handler: (ctx, args) => ctx.db.labels.insert({ values: { name: args.name } }),
});

/** Signed-in callers only: the label is named after the caller. */
export const addMine = mutation({
  args: { suffix: z.string() },
  authRequired: true,
  handler: (ctx, args) => ctx.db.labels.insert({ values: { name: `${ctx.user?.id}:${args.suffix}` } }),
});

export const count = query({ handler: (ctx) => ctx.db.labels.count() });

/** Who is calling, for `runHandler` as a chosen user (401 anonymous). */
export const whoami = query({
  authRequired: true,
  handler: (ctx) => ({ id: ctx.user?.id ?? null, requestPath: new URL(ctx.request.url).pathname }),
});

/** Refuses every caller but admins in middleware: `runHandler` must run middleware too. */
export const adminOnly = query({
  middleware: (ctx) => {
    if (ctx.user?.role !== "admin") ctx.error(403, "Admins only");
  },
  handler: () => "secret",
});
