// The sample app's `src/tasks.ts`, as docs/handlers.md writes it: the routes docs/client.md,
// docs/realtime.md and docs/react.md call (`appflare.queries.tasks.list`, `…mutations.tasks.create`).
import * as z from "zod";
import { mutation, query } from "../generated/handlers";

/** The open tasks of a project. */
export const list = query({
  args: { projectId: z.string(), limit: z.number().int().max(100).default(20) },
  authRequired: true,
  handler: (ctx, args) =>
    ctx.db.tasks.findMany({ where: { projectId: args.projectId, done: false }, limit: args.limit }),
});

export const create = mutation({
  args: { projectId: z.string(), title: z.string().min(1).max(200) },
  authRequired: true,
  handler: async (ctx, args) => {
    const [task] = await ctx.db.tasks.insert({
      values: { projectId: args.projectId, title: args.title, assigneeId: ctx.user?.id ?? null },
    });
    return task;
  },
});
