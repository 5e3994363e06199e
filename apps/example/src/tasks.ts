import * as z from "zod";
import { mutation, query } from "../_generated/handlers";

const priority = z.enum(["low", "medium", "high", "urgent"]);

/**
 * `GET /queries/tasks/list` — a project's tasks, filtered, in keyset pages: pass the returned
 * `nextCursor` as `cursor` to continue (the shape `useInfiniteQuery` expects).
 */
export const list = query({
  args: {
    projectId: z.string(),
    done: z.boolean().optional(),
    priority: z.array(priority).optional(),
    assigneeId: z.string().optional(),
    label: z.string().optional(),
    dueBefore: z.date().optional(),
    cursor: z.number().int().optional(),
    limit: z.number().int().min(1).max(100).default(25),
  },
  handler: async (ctx, args) => {
    const rows = await ctx.db.tasks.findMany({
      where: {
        projectId: args.projectId,
        ...(args.done === undefined ? {} : { done: args.done }),
        ...(args.priority ? { priority: { in: args.priority } } : {}),
        ...(args.assigneeId ? { assigneeId: args.assigneeId } : {}),
        ...(args.label ? { labels: { name: args.label } } : {}),
        ...(args.dueBefore ? { dueAt: { lt: args.dueBefore } } : {}),
        ...(args.cursor === undefined ? {} : { id: { gt: args.cursor } }),
      },
      orderBy: { column: "id" },
      limit: args.limit + 1,
      with: { labels: true, comments: { _count: true } },
    });
    const hasMore = rows.length > args.limit;
    const page = hasMore ? rows.slice(0, args.limit) : rows;
    return { rows: page, nextCursor: hasMore ? (page[page.length - 1]?.id ?? null) : null, hasMore };
  },
});

/** `GET /queries/tasks/get?id=` — a task with its labels, comments, subtasks and blockers. */
export const get = query({
  args: { id: z.number().int() },
  handler: async (ctx, args) => {
    const task = await ctx.db.tasks.findFirst({
      where: { id: args.id },
      with: {
        labels: true,
        comments: { orderBy: { column: "createdAt" } },
        subtasks: { columns: { id: true, title: true, done: true } },
        blockedBy: { columns: { id: true, title: true, done: true } },
      },
    });
    if (!task) return ctx.error(404, "Task not found", { id: args.id });
    return task;
  },
});

/** `POST /mutations/tasks/create` — a task (optionally a subtask) with labels linked by id. */
export const create = mutation({
  args: {
    projectId: z.string(),
    title: z.string().min(1).max(200),
    description: z.string().max(10_000).optional(),
    priority: priority.optional(),
    dueAt: z.coerce.date().optional(),
    parentId: z.number().int().optional(),
    labelIds: z.array(z.number().int()).max(20).default([]),
  },
  handler: async (ctx, args) => {
    const { labelIds, ...values } = args;
    const [task] = await ctx.db.tasks.insert({ values: { ...values, labels: labelIds } });
    return task;
  },
});

/** `POST /mutations/tasks/update` — edits fields; `labels` replaces the task's labels when given. */
export const update = mutation({
  args: {
    id: z.number().int(),
    title: z.string().min(1).max(200).optional(),
    description: z.string().max(10_000).nullable().optional(),
    priority: priority.optional(),
    dueAt: z.coerce.date().nullable().optional(),
    assigneeId: z.string().nullable().optional(),
    estimateHours: z.number().min(0).nullable().optional(),
    labelIds: z.array(z.number().int()).max(20).optional(),
  },
  handler: async (ctx, args) => {
    const { id, labelIds, ...set } = args;
    const [task] = await ctx.db.tasks.update({
      where: { id },
      set: { ...set, ...(labelIds ? { labels: { items: labelIds, mode: "overwrite" as const } } : {}) },
      expectRows: 1,
    });
    // Typed by task name and payload (generated tasks.ts); sent now, since the update has committed.
    if (set.assigneeId) {
      await ctx.scheduler.enqueue("notifications/assigned", { taskId: id, assigneeId: set.assigneeId });
    }
    return task;
  },
});

/**
 * `POST /mutations/tasks/complete` — marks a task done. A task with open subtasks cannot be completed
 * (409), and completing a done task changes nothing: `expectRows` makes both checks race-free.
 */
export const complete = mutation({
  args: { id: z.number().int() },
  handler: async (ctx, args) => {
    const open = await ctx.db.tasks.count({ where: { parentId: args.id, done: false } });
    if (open > 0) return ctx.error(409, "Complete the subtasks first", { openSubtasks: open });
    const rows = await ctx.db.tasks.update({ where: { id: args.id, done: false }, set: { done: true } });
    return { completed: rows.length === 1 };
  },
});

/** `POST /mutations/tasks/remove` — deletes a task; its comments and subtasks cascade. */
export const remove = mutation({
  args: { id: z.number().int() },
  handler: async (ctx, args) => {
    const rows = await ctx.db.tasks.delete({ where: { id: args.id }, expectRows: 1 });
    return { removed: rows.length };
  },
});
