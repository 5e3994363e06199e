import type { TaskPayload } from "../../../src/scheduler/TaskPayload";
import type { record as t_jobs_record } from "./jobs";

/** What the generated `<outDir>/tasks.ts` declares for the wiring test app. */
export interface Tasks {
  "jobs/record": TaskPayload<typeof t_jobs_record>;
}
