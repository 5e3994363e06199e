import * as z from "zod";
import { mutation, query } from "../_generated/handlers";
import { requireMember, requireProjectLabels, requireTask } from "./access";

/** `GET /queries/labels/list?projectId=` — a project's labels (members only) with how many tasks carry each. */
export const list = query({
  args: { projectId: z.string() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireMember(ctx, args.projectId);
    return ctx.db.labels.findMany({
      where: { projectId: args.projectId },
      orderBy: { column: "name" },
      with: { tasks: { _count: true } },
    });
  },
});

/**
 * `POST /mutations/labels/create` — a new label in a project; a taken name is a 409 `unique_violation`
 * (label names are unique across the app, see schema.ts).
 */
export const create = mutation({
  args: {
    projectId: z.string(),
    name: z.string().min(1).max(40),
    color: z
      .string()
      .regex(/^#[0-9a-f]{6}$/i)
      .optional(),
  },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireMember(ctx, args.projectId);
    const [label] = await ctx.db.labels.insert({ values: args });
    return label;
  },
});

/** `POST /mutations/labels/attach` — adds labels of the task's project to it (labels it has are kept). */
export const attach = mutation({
  args: { taskId: z.number().int(), labelIds: z.array(z.number().int()).min(1).max(20) },
  authRequired: true,
  handler: async (ctx, args) => {
    const task = await requireTask(ctx, args.taskId);
    await requireProjectLabels(ctx, task.projectId, args.labelIds);
    const [updated] = await ctx.db.tasks.update({
      where: { id: args.taskId },
      set: { labels: { items: args.labelIds, mode: "merge" } },
      expectRows: 1,
    });
    return updated;
  },
});

/** `POST /mutations/labels/detach` — removes one label from a task. */
export const detach = mutation({
  args: { taskId: z.number().int(), labelId: z.number().int() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireTask(ctx, args.taskId);
    const task = await ctx.db.tasks.findFirst({ where: { id: args.taskId }, with: { labels: true } });
    const keep = (task?.labels ?? []).filter((l) => l.id !== args.labelId).map((l) => l.id);
    const [updated] = await ctx.db.tasks.update({
      where: { id: args.taskId },
      set: { labels: { items: keep, mode: "overwrite" } },
    });
    return updated;
  },
});
