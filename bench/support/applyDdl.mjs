import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleOptions } from "./startWorkerd.mjs";
import { workspace } from "./workspace.mjs";

/**
 * Creates the example app's tables in a started Worker's D1: bundles exampleDdl.ts for Node, runs it
 * (drizzle-kit's migration SQL for the compiled schema, what `appflare migrate` applies), and POSTs the
 * statements as JSON to the Worker's `/setup` route, which runs them (createTables) and seeds its data.
 * Answers `/setup`'s JSON.
 */
export async function applyDdl(worker) {
  const outfile = join(worker.buildDir, "ddl.mjs");
  await workspace.fromWrangler("esbuild").build({
    ...bundleOptions,
    entryPoints: [fileURLToPath(new URL("exampleDdl.ts", import.meta.url))],
    outfile,
    platform: "node",
    conditions: ["development"],
  });
  const { exampleDdl } = await import(pathToFileURL(outfile).href);
  const ddl = await exampleDdl(pathToFileURL(workspace.fromServer.resolve("drizzle-kit/api")).href);
  return worker.call("/setup", { method: "POST", body: JSON.stringify(ddl) });
}
