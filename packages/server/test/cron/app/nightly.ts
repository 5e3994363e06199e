import { cron, scheduler } from "./handlers";
import { seen } from "./seen";

/** Two handlers on one expression, plus one that fails on it: the others must still run. */
export const purge = cron({
  cronTrigger: "0 3 * * *",
  handler: async (ctx) => {
    seen.push({
      name: "nightly/purge",
      user: ctx.user,
      session: ctx.session,
      hasRequest: "request" in ctx,
      hasAuth: typeof ctx.auth.api.getSession === "function",
    });
    await ctx.db.labels.insert({ values: { name: `cron-purge-${crypto.randomUUID()}` } });
  },
});

export const report = cron({
  cronTrigger: ["0 3 * * *", "*/15 * * * *"],
  handler: async (ctx) => {
    seen.push({
      name: "nightly/report",
      user: ctx.user,
      session: ctx.session,
      hasRequest: "request" in ctx,
      hasAuth: true,
    });
    await ctx.scheduler.enqueue("nightly/mail", { to: "ops" });
  },
});

export const broken = cron({
  cronTrigger: "0  3 * * *",
  handler: () => {
    throw new Error("nightly report exploded");
  },
});

export const mail = scheduler({ handler: () => undefined });
