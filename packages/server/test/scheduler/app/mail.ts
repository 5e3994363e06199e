import * as z from "zod";
import { scheduler } from "./handlers";
import { runs } from "./runs";

/** Records its payload in `labels` (visible to the tests) and what it saw in `runs`. */
export const record = scheduler({
  args: { name: z.string().min(1), at: z.date().optional() },
  handler: async (ctx, args) => {
    runs.push({ task: "mail/record", job: ctx.job, args });
    await ctx.db.labels.insert({ values: { name: args.name } });
  },
});

/** Always fails. */
export const fail = scheduler({
  args: { reason: z.string() },
  handler: (_ctx, args) => {
    throw new Error(`task failed: ${args.reason}`);
  },
});

/**
 * Idempotent under redelivery: the label is keyed by the message id, so a second delivery of the
 * same message finds it and writes nothing.
 */
export const once = scheduler({
  handler: async (ctx) => {
    const key = `once-${ctx.job?.id ?? "no-job"}`;
    if (await ctx.db.labels.findFirst({ where: { name: key } })) return;
    await ctx.db.labels.insert({ values: { name: key } });
  },
});

/** Tasks have `ctx.scheduler` too: this one enqueues another task. */
export const chain = scheduler({
  args: { name: z.string() },
  handler: async (ctx, args) => {
    await ctx.scheduler.enqueue("mail/record", { name: args.name });
  },
});

/**
 * Enqueues itself until `left` is 0 (a retry chain). Typed with no annotation because the enqueue is
 * a statement: a task that `return`s its own enqueue needs a return type (see the README, "Types").
 */
export const countdown = scheduler({
  args: { left: z.number().int().min(0) },
  handler: async (ctx, args) => {
    if (args.left > 0) await ctx.scheduler.enqueue("mail/countdown", { left: args.left - 1 });
  },
});
