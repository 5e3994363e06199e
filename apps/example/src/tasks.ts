import * as z from "zod";
import { mutation, query } from "../_generated/handlers";
import { requireMember, requireProjectLabels, requireTask } from "./access";

const priority = z.enum(["low", "medium", "high", "urgent"]);

/**
 * `GET /queries/tasks/list` — a project's tasks (members only), filtered, in keyset pages: pass the
 * returned `nextCursor` as `cursor` to continue (the `{ rows, nextCursor, hasMore }` shape
 * `useInfiniteQuery` expects).
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
  authRequired: true,
  handler: async (ctx, args) => {
    await requireMember(ctx, args.projectId);
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

/** `GET /queries/tasks/get?id=` — a task (members only) with labels, comments, subtasks and blockers. */
export const get = query({
  args: { id: z.number().int() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireTask(ctx, args.id);
    return ctx.db.tasks.findFirst({
      where: { id: args.id },
      with: {
        labels: true,
        comments: { orderBy: { column: "createdAt" } },
        subtasks: { columns: { id: true, title: true, done: true } },
        blockedBy: { columns: { id: true, title: true, done: true } },
        attachments: true,
      },
    });
  },
});

/**
 * `POST /mutations/tasks/create` — a task (optionally a subtask of a task in the same project) with
 * labels of the same project linked by id.
 */
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
  authRequired: true,
  handler: async (ctx, args) => {
    await requireMember(ctx, args.projectId);
    const { labelIds, ...values } = args;
    if (args.parentId !== undefined) {
      const parent = await ctx.db.tasks.count({ where: { id: args.parentId, projectId: args.projectId } });
      if (parent === 0) return ctx.error(400, "parentId: the parent task must be in the same project");
    }
    await requireProjectLabels(ctx, args.projectId, labelIds);
    const [task] = await ctx.db.tasks.insert({ values: { ...values, labels: labelIds } });
    return task;
  },
});

/**
 * `POST /mutations/tasks/update` — edits fields; `labelIds` replaces the task's labels when given.
 * The assignee must be a member of the task's project; assigning enqueues `notifications/assigned`.
 */
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
  authRequired: true,
  handler: async (ctx, args) => {
    const { projectId } = await requireTask(ctx, args.id);
    const { id, labelIds, ...set } = args;
    if (set.assigneeId) {
      const member = await ctx.db.members.count({ where: { projectId, userId: set.assigneeId } });
      if (member === 0) return ctx.error(400, "assigneeId: assign a member of the task's project");
    }
    if (labelIds) await requireProjectLabels(ctx, projectId, labelIds);
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
 * `POST /mutations/tasks/setChecklist` — replaces a task's checklist; an item ticked now gets `doneAt`,
 * one ticked before keeps its time.
 */
export const setChecklist = mutation({
  args: {
    id: z.number().int(),
    items: z.array(z.object({ text: z.string().min(1).max(500), done: z.boolean() })).max(100),
  },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireTask(ctx, args.id);
    const current = await ctx.db.tasks.findFirst({ where: { id: args.id }, columns: { checklist: true } });
    const doneBefore = new Map((current?.checklist ?? []).map((item) => [item.text, item.doneAt]));
    const checklist = args.items.map((item) => ({
      ...item,
      doneAt: item.done ? (doneBefore.get(item.text) ?? new Date()) : null,
    }));
    const [task] = await ctx.db.tasks.update({ where: { id: args.id }, set: { checklist }, expectRows: 1 });
    return task;
  },
});

/**
 * `POST /mutations/tasks/complete` — marks a task done. A task with open subtasks cannot be completed
 * (409), and completing a done task changes nothing: `expectRows` makes both checks race-free.
 */
export const complete = mutation({
  args: { id: z.number().int() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireTask(ctx, args.id);
    const open = await ctx.db.tasks.count({ where: { parentId: args.id, done: false } });
    if (open > 0) return ctx.error(409, "Complete the subtasks first", { openSubtasks: open });
    const rows = await ctx.db.tasks.update({ where: { id: args.id, done: false }, set: { done: true } });
    return { completed: rows.length === 1 };
  },
});

/**
 * `POST /mutations/tasks/remove` — deletes a task; its comments, subtasks and attachment rows cascade,
 * then the task's attachment files are deleted from storage.
 */
export const remove = mutation({
  args: { id: z.number().int() },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireTask(ctx, args.id);
    const files = await ctx.db.attachments.findMany({ where: { taskId: args.id }, columns: { path: true } });
    const rows = await ctx.db.tasks.delete({ where: { id: args.id }, expectRows: 1 });
    await Promise.all(files.map((file) => ctx.storage.delete({ path: file.path })));
    return { removed: rows.length };
  },
});
