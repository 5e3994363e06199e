// The sample app's `src/tasks.ts`, as docs/handlers.md writes it: the routes docs/client.md,
// docs/realtime.md and docs/react.md call (`appflare.queries.tasks.list`, `…tasks.page`,
// `…mutations.tasks.create`).
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

/** Keyset pages of a project's tasks, as docs/react.md writes it for `useInfiniteQuery`. */
export const page = query({
  args: {
    projectId: z.string(),
    cursor: z.number().int().default(0),
    limit: z.number().int().max(100).default(25),
  },
  handler: async (ctx, args) => {
    const rows = await ctx.db.tasks.findMany({
      where: { projectId: args.projectId, id: { gt: args.cursor } },
      orderBy: { column: "id" },
      limit: args.limit + 1,
    });
    const hasMore = rows.length > args.limit;
    const pageRows = hasMore ? rows.slice(0, args.limit) : rows;
    return { rows: pageRows, nextCursor: pageRows.at(-1)?.id ?? null, hasMore };
  },
});
