import * as z from "zod";
import { mutation, query } from "../_generated/handlers";

/** `GET /queries/comments/list?taskId=` — a task's comments, oldest first. */
export const list = query({
  args: { taskId: z.number().int(), limit: z.number().int().min(1).max(200).default(50) },
  handler: (ctx, args) =>
    ctx.db.comments.findMany({
      where: { taskId: args.taskId },
      orderBy: { column: "createdAt" },
      limit: args.limit,
    }),
});

/** `POST /mutations/comments/add` — comments as the signed-in user, or anonymously. */
export const add = mutation({
  args: {
    taskId: z.number().int(),
    body: z.string().min(1).max(5000),
    mentions: z.array(z.enum(["assignee", "watchers", "everyone"])).default([]),
  },
  handler: async (ctx, args) => {
    const [comment] = await ctx.db.comments.insert({
      values: { ...args, authorId: ctx.user?.id ?? null },
    });
    return comment;
  },
});
