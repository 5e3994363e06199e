import * as account from "./account";
import * as files from "./files";
import * as jobs from "./jobs";

/** What the generated `<outDir>/api.ts` lists: modules keyed by their path under scanDir. */
export const modules = { account, files, jobs };
