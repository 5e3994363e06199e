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

/**
 * Tasks have `ctx.scheduler` too: this one enqueues another task. A block body: an arrow whose value
 * is the enqueue call would make TypeScript infer the handler's type from `ctx.scheduler`, whose type
 * is read from this module (a cycle).
 */
export const chain = scheduler({
  args: { name: z.string() },
  handler: async (ctx, args) => {
    await ctx.scheduler.enqueue("mail/record", { name: args.name });
  },
});
