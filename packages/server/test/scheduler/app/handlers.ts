import { defineHandlers } from "../../../src/handlers/defineHandlers";
import type { SchedulerContext } from "../../../src/scheduler/Scheduler";
import type schema from "../../boardSchema";
import type { Tasks } from "./tasks";

export type { Tasks };

/** What the generated `<outDir>/handlers.ts` does: `ctx.scheduler` typed by the app's tasks. */
export const { query, mutation, scheduler, cron } = defineHandlers<
  typeof schema,
  Cloudflare.Env,
  SchedulerContext<Tasks>
>();
