import { defineHandlers } from "../../../src/handlers/defineHandlers";
import type schema from "../../boardSchema";

/** What the test workers' `hooks.extendContext` adds to ctx. */
export interface TestContextExtension {
  readonly stamp: string;
}

// What the generated `<outDir>/handlers.ts` does for an app.
export const { query, mutation, scheduler, cron, storageManager } = defineHandlers<
  typeof schema,
  Cloudflare.Env,
  TestContextExtension
>();
