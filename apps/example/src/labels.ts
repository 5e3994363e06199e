import * as z from "zod";
import { mutation, query } from "../_generated/handlers";

/** `GET /queries/labels/list` — every label with how many tasks carry it. */
export const list = query({
  handler: (ctx) =>
    ctx.db.labels.findMany({ orderBy: { column: "name" }, with: { tasks: { _count: true } } }),
});

/** `POST /mutations/labels/create` — a new label; a taken name is a 409 `unique_violation`. */
export const create = mutation({
  args: {
    name: z.string().min(1).max(40),
    color: z
      .string()
      .regex(/^#[0-9a-f]{6}$/i)
      .optional(),
  },
  handler: async (ctx, args) => {
    const [label] = await ctx.db.labels.insert({ values: args });
    return label;
  },
});

/** `POST /mutations/labels/attach` — adds labels to a task (labels it already has are kept). */
export const attach = mutation({
  args: { taskId: z.number().int(), labelIds: z.array(z.number().int()).min(1).max(20) },
  handler: async (ctx, args) => {
    const [task] = await ctx.db.tasks.update({
      where: { id: args.taskId },
      set: { labels: { items: args.labelIds, mode: "merge" } },
      expectRows: 1,
    });
    return task;
  },
});

/** `POST /mutations/labels/detach` — removes one label from a task. */
export const detach = mutation({
  args: { taskId: z.number().int(), labelId: z.number().int() },
  handler: async (ctx, args) => {
    const task = await ctx.db.tasks.findFirst({ where: { id: args.taskId }, with: { labels: true } });
    if (!task) return ctx.error(404, "Task not found", { id: args.taskId });
    const keep = task.labels.filter((l) => l.id !== args.labelId).map((l) => l.id);
    const [updated] = await ctx.db.tasks.update({
      where: { id: args.taskId },
      set: { labels: { items: keep, mode: "overwrite" } },
    });
    return updated;
  },
});
