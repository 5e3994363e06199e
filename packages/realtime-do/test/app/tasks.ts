import { sql } from "drizzle-orm";
import * as z from "zod";
import { mutation, query } from "./handlers";

const where = z.record(z.string(), z.unknown()).optional();
const orderBy = z.object({ column: z.string(), direction: z.enum(["asc", "desc"]).optional() }).optional();

/** Any `findMany` over tasks: the differential test drives where/with/orderBy/limit through it. */
export const find = query({
  args: {
    where,
    orderBy,
    limit: z.number().int().min(1).max(100).optional(),
    withProject: z.boolean().optional(),
    withLabels: z.boolean().optional(),
  },
  handler: (ctx, args) =>
    ctx.db.tasks.findMany({
      where: args.where as never,
      ...(args.orderBy ? { orderBy: args.orderBy as never } : { orderBy: { column: "id" } }),
      ...(args.limit ? { limit: args.limit } : {}),
      with: {
        ...(args.withProject ? { project: true } : {}),
        ...(args.withLabels ? { labels: true } : {}),
      } as never,
    }),
});

/** Tasks of a project, open ones first. */
export const list = query({
  args: { projectId: z.number().int() },
  handler: (ctx, args) =>
    ctx.db.tasks.findMany({ where: { projectId: args.projectId }, orderBy: { column: "id" } }),
});

/** Tasks assigned to the caller: the result depends on who asks. */
export const mine = query({
  authRequired: true,
  handler: (ctx) => ctx.db.tasks.findMany({ where: { assigneeId: ctx.user!.id }, orderBy: { column: "id" } }),
});

/** Tasks of projects the caller owns: a relation filter (EXISTS) re-runs on any project change. */
export const owned = query({
  authRequired: true,
  handler: (ctx) =>
    ctx.db.tasks.findMany({
      where: { project: { ownerId: ctx.user!.id } } as never,
      orderBy: { column: "id" },
    }),
});

/** Open-task count per the raw D1 escape hatch: recorded as an unknown read. */
export const rawCount = query({
  handler: async (ctx) => {
    const rows = await ctx.$db.all<{ n: number }>(sql`SELECT count(*) AS n FROM tasks WHERE done = 0`);
    return rows[0]?.n ?? 0;
  },
});

export const create = mutation({
  args: {
    title: z.string(),
    projectId: z.number().int(),
    done: z.boolean().optional(),
    priority: z.number().int().optional(),
    assigneeId: z.string().nullable().optional(),
  },
  handler: (ctx, args) => ctx.db.tasks.insert({ values: args as never }),
});

export const update = mutation({
  args: { where: z.record(z.string(), z.unknown()), set: z.record(z.string(), z.unknown()) },
  handler: (ctx, args) => ctx.db.tasks.update({ where: args.where as never, set: args.set as never }),
});

export const remove = mutation({
  args: { where: z.record(z.string(), z.unknown()) },
  handler: (ctx, args) => ctx.db.tasks.delete({ where: args.where as never }),
});

/** Links labels to a task (manyToMany merge). */
export const label = mutation({
  args: { id: z.number().int(), labelIds: z.array(z.number().int()) },
  handler: (ctx, args) =>
    ctx.db.tasks.update({ where: { id: args.id }, set: { labels: args.labelIds } as never }),
});
