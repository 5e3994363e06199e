import type { SchedulerJob } from "../../../src/scheduler/SchedulerMessage";

/** What the test tasks saw, for the tests to inspect (one isolate runs the tests and the tasks). */
export const runs: { task: string; job: SchedulerJob | undefined; args: unknown }[] = [];
