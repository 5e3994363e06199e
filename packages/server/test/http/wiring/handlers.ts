import type { AuthContext } from "../../../src/auth/AppflareAuth";
import { defineHandlers } from "../../../src/handlers/defineHandlers";
import type { SchedulerContext } from "../../../src/scheduler/Scheduler";
import type { StorageClient } from "../../../src/storage/createStorageClient";
import type schema from "../../boardSchema";
import type { Tasks } from "./tasks";

/** What `createWorker` adds to every ctx on its own: auth, scheduler (+ job) and storage. */
export type WiredContext = AuthContext & SchedulerContext<Tasks> & { readonly storage: StorageClient };

// What the generated `<outDir>/handlers.ts` does for an app.
export const { query, mutation, scheduler, cron, storageManager } = defineHandlers<
  typeof schema,
  Cloudflare.Env,
  WiredContext
>();
