import { cron } from "../../_generated/handlers";

const NINETY_DAYS_MS = 90 * 24 * 60 * 60 * 1000;

/** Nightly (03:00 UTC): deletes done tasks created more than 90 days ago. Named `cleanup/purgeDone`. */
export const purgeDone = cron({
  cronTrigger: "0 3 * * *",
  handler: async (ctx) => {
    await ctx.db.tasks.delete({
      where: { done: true, createdAt: { lt: Date.now() - NINETY_DAYS_MS } },
    });
  },
});
