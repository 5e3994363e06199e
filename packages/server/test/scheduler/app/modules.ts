import * as jobs from "./jobs";
import * as mail from "./mail";

/** What the generated `<outDir>/api.ts` lists for the scheduler test app. */
export const modules = { jobs, mail };
