import type schema from "../../../../../apps/example/schema";
import { defineHandlers } from "../../../src/handlers/defineHandlers";
import type { SchedulerContext, SchedulerTasks } from "../../../src/scheduler/Scheduler";
import type { modules } from "./modules";

/**
 * Task name → payload type, read from the modules that import this file: the type-level cycle the
 * generated `handlers.ts` / `api.ts` pair has too.
 */
export interface Tasks extends SchedulerTasks<typeof modules> {}

export const { query, mutation, scheduler, cron } = defineHandlers<
  typeof schema,
  Cloudflare.Env,
  SchedulerContext<Tasks>
>();
