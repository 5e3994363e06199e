import type { AuthContext } from "../../../src/auth/AppflareAuth";
import { defineHandlers } from "../../../src/handlers/defineHandlers";
import type { SchedulerContext } from "../../../src/scheduler/Scheduler";
import type schema from "../../boardSchema";

export const { cron, scheduler } = defineHandlers<
  typeof schema,
  Cloudflare.Env,
  AuthContext & SchedulerContext
>();
