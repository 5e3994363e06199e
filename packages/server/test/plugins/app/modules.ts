import * as labels from "./labels";

/** What the generated `<outDir>/api.ts` lists for the plugin tests' app. */
export const modules = { labels };
