// What `appflare build` writes as <outDir>/api.ts for the sample app (same shape, kept by hand).
import type { ApiFromModules } from "@appflare/server";
import * as m_tasks from "../src/tasks";

/** Every handler module, keyed by its path under scanDir. */
export const modules = { tasks: m_tasks };

/** The app's API: queries and mutations with their args and results, inferred from `modules`. */
export type Api = ApiFromModules<typeof modules>;
