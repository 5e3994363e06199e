import * as edge from "./edge";
import * as files from "./files";
import * as labels from "./labels";

/** What the generated `<outDir>/api.ts` lists for the plugin and hardening tests' app. */
export const modules = { edge, files, labels };
