import * as projects from "./projects";
import * as tasks from "./tasks";

/** What the generated `<outDir>/api.ts` lists: modules keyed by their path under scanDir. */
export const modules = { projects, tasks };
