import * as z from "zod";
import type { Scheduler } from "../../../src/scheduler/Scheduler";
import { mutation, query } from "./handlers";

export const enqueue = mutation({
  args: { name: z.string(), delaySeconds: z.number().optional() },
  // Returns the enqueue result, unannotated: `Tasks` reads only the task exports, not this mutation.
  handler: (ctx, args) =>
    ctx.scheduler.enqueue(
      "mail/record",
      { name: args.name, at: new Date(0) },
      args.delaySeconds === undefined ? {} : { delaySeconds: args.delaySeconds },
    ),
});

/** Writes a label and enqueues inside one transaction; `fail` throws after both. */
export const enqueueInTransaction = mutation({
  args: { name: z.string(), fail: z.boolean() },
  handler: (ctx, args) =>
    ctx.db.transaction(async (tx) => {
      tx.labels.insert({ values: { name: `tx-${args.name}` } });
      const sent = await ctx.scheduler.enqueue("mail/record", { name: args.name });
      if (args.fail) ctx.error(409, "Rolled back");
      return sent;
    }),
});

/** Type-correct, but the task's args reject an empty name. */
export const enqueueInvalid = mutation({
  handler: async (ctx) => {
    await ctx.scheduler.enqueue("mail/record", { name: "" });
  },
});

/** A name no task has (the cast stands for an out-of-date generated type). */
export const enqueueUnknown = mutation({
  handler: async (ctx) => {
    await (ctx.scheduler as Scheduler).enqueue("mail/nope", {});
  },
});

export const enqueueOnce = mutation({
  handler: (ctx) => ctx.scheduler.enqueue("mail/once"),
});

/** Queries re-run for realtime subscribers: enqueueing from one is refused. */
export const enqueueFromQuery = query({
  handler: async (ctx) => {
    await ctx.scheduler.enqueue("mail/once");
    return "sent";
  },
});
