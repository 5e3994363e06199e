import * as z from "zod";
import type { SchedulerJob } from "../../../src/scheduler/SchedulerMessage";
import { cron, mutation, scheduler } from "./handlers";

/** What the task and the cron saw, for the test to inspect. */
export const seen: {
  task: { job: SchedulerJob | undefined; label: string }[];
  cron: { user: unknown; hasRequest: boolean; hasAuth: boolean; hasScheduler: boolean }[];
} = { task: [], cron: [] };

export const kickoff = mutation({
  args: { label: z.string() },
  handler: async (ctx, args) => {
    const sent = await ctx.scheduler.enqueue("jobs/record", { label: args.label });
    return { id: sent.id };
  },
});

export const record = scheduler({
  args: { label: z.string().min(1) },
  handler: async (ctx, args) => {
    seen.task.push({ job: ctx.job, label: args.label });
    await ctx.db.labels.insert({ values: { name: `${args.label}-${ctx.job?.id}` } });
  },
});

export const nightly = cron({
  cronTrigger: "5 4 * * *",
  handler: async (ctx) => {
    seen.cron.push({
      user: ctx.user,
      hasRequest: "request" in ctx,
      hasAuth: typeof ctx.auth.api.getSession === "function",
      hasScheduler: typeof ctx.scheduler.enqueue === "function",
    });
    await ctx.scheduler.enqueue("jobs/record", { label: "from-cron" });
  },
});
