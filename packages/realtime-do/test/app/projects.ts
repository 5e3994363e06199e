import * as z from "zod";
import { mutation, query } from "./handlers";

/** Projects with their tasks (a `many` load keyed by the loaded project ids). */
export const withTasks = query({
  args: { limit: z.number().int().min(1).max(50).optional() },
  handler: (ctx, args) =>
    ctx.db.projects.findMany({
      orderBy: { column: "id" },
      ...(args.limit ? { limit: args.limit } : {}),
      with: { tasks: { orderBy: { column: "id" } } } as never,
    }),
});

export const create = mutation({
  args: { name: z.string(), ownerId: z.string().nullable().optional(), public: z.boolean().optional() },
  handler: (ctx, args) => ctx.db.projects.insert({ values: args as never }),
});

export const update = mutation({
  args: { id: z.number().int(), set: z.record(z.string(), z.unknown()) },
  handler: (ctx, args) => ctx.db.projects.update({ where: { id: args.id }, set: args.set as never }),
});

export const createLabel = mutation({
  args: { name: z.string() },
  handler: (ctx, args) => ctx.db.labels.insert({ values: args }),
});
