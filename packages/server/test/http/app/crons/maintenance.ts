import { cron } from "../handlers";

/** Runs on two triggers and records each run in `labels` (a visible, countable side effect). */
export const nightly = cron({
  cronTrigger: ["0 3 * * *", "30 4 * * 1"],
  handler: (ctx) => ctx.db.labels.insert({ values: { name: `cron-nightly-${Date.now()}-${Math.random()}` } }),
});

export const hourly = cron({
  cronTrigger: "0 * * * *",
  handler: (ctx) => ctx.db.labels.insert({ values: { name: `cron-hourly-${Date.now()}-${Math.random()}` } }),
});

/** Shares the nightly trigger and always fails: the other handler must still run. */
export const flaky = cron({
  cronTrigger: "0 3 * * *",
  handler: () => {
    throw new Error("flaky cron failed");
  },
});
