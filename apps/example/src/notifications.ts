import * as z from "zod";
import { scheduler } from "../_generated/handlers";

/**
 * Scheduler task `notifications/assigned` (Cloudflare Queues): notes on a task who it was assigned to,
 * as a system comment. `tasks/update` enqueues it after the assignment is written; a failure is retried
 * with backoff, then dead-lettered.
 *
 * Queues deliver at least once, so a redelivered message must not comment twice: the task skips when
 * the task's latest comment already says the same.
 */
export const assigned = scheduler({
  args: { taskId: z.number().int(), assigneeId: z.string() },
  handler: async (ctx, args) => {
    const assignee = await ctx.db.users.findFirst({ where: { id: args.assigneeId } });
    const task = await ctx.db.tasks.findFirst({ where: { id: args.taskId } });
    // Reassigned or deleted since: nothing to say any more.
    if (!assignee || !task || task.assigneeId !== assignee.id) return;
    const body = `Assigned to ${assignee.name}`;
    const latest = await ctx.db.comments.findFirst({
      where: { taskId: task.id },
      orderBy: { column: "createdAt", direction: "desc" },
    });
    if (latest?.body === body && latest.authorId === null) return;
    await ctx.db.comments.insert({ values: { taskId: task.id, body, mentions: ["assignee"] } });
  },
});
