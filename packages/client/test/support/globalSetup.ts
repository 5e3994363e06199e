import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startFixtureWorker } from "./startFixtureWorker";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the fixture app under `wrangler dev`. */
    endpoint: string;
  }
}

/** One `wrangler dev` of the fixture app for the whole run (its start costs ~10 s). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const worker = await startFixtureWorker();
  project.provide("endpoint", worker.endpoint);
  return () => worker.stop();
}
