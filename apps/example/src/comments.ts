import * as z from "zod";
import { mutation, query } from "../_generated/handlers";
import { requireTask, roleIn, signedIn } from "./access";

/** `GET /queries/comments/list?taskId=` — a task's comments (members only), oldest first. */
export const list = query({
  args: { taskId: z.number().int(), limit: z.number().int().min(1).max(200).default(50) },
  authRequired: true,
  handler: async (ctx, args) => {
    await requireTask(ctx, args.taskId);
    return ctx.db.comments.findMany({
      where: { taskId: args.taskId },
      orderBy: { column: "createdAt" },
      limit: args.limit,
    });
  },
});

/** `POST /mutations/comments/add` — a member comments on a task, as themselves. */
export const add = mutation({
  args: {
    taskId: z.number().int(),
    body: z.string().min(1).max(5000),
    mentions: z.array(z.enum(["assignee", "watchers", "everyone"])).default([]),
  },
  authRequired: true,
  handler: async (ctx, args) => {
    const author = signedIn(ctx);
    await requireTask(ctx, args.taskId);
    const [comment] = await ctx.db.comments.insert({ values: { ...args, authorId: author.id } });
    return comment;
  },
});

/** `POST /mutations/comments/remove` — its author, the project's owner or an admin deletes a comment. */
export const remove = mutation({
  args: { id: z.string() },
  authRequired: true,
  handler: async (ctx, args) => {
    const user = signedIn(ctx);
    const comment = await ctx.db.comments.findFirst({ where: { id: args.id }, with: { task: true } });
    const role = comment ? await roleIn(ctx, comment.task.projectId) : null;
    if (!comment || role === null) return ctx.error(404, "Comment not found", { id: args.id });
    if (comment.authorId !== user.id && role === "member") {
      return ctx.error(403, "Only the author or the project's owner may delete a comment", { id: args.id });
    }
    const rows = await ctx.db.comments.delete({ where: { id: args.id }, expectRows: 1 });
    return { removed: rows.length };
  },
});
