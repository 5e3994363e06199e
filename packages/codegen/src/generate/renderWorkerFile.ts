import { banner } from "./banner";
import { importSpecifier } from "./importSpecifier";

/** What the Worker entry imports. */
export interface WorkerFileInput {
  readonly outDir: string;
  readonly configFile: string;
  readonly schemaFile: string;
  readonly schemaExport: string;
  /** Class name of the realtime Durable Object, or `null` when realtime is disabled. */
  readonly realtimeClassName: string | null;
  /** Whether `@appflare/dashboard` is installed and `config.dashboard.enabled`. */
  readonly dashboard?: boolean;
}

/**
 * `<outDir>/worker.ts`, wrangler's `main`: builds the Worker from the schema, the config and the
 * handler registry. All behaviour lives in `createWorker` (`@appflare/server`); the installed and
 * enabled plugins are passed in — `realtime()` of `@appflare/realtime-do` (its Durable Object class is
 * exported under the configured name) and `dashboard()` of `@appflare/dashboard`. An app without one
 * carries none of its code.
 *
 * @example
 * renderWorkerFile({ outDir: "/app/_generated", configFile: "/app/appflare.config.ts", schemaFile: "/app/schema.ts", schemaExport: "default", realtimeClassName: "AppflareRealtime", dashboard: true });
 */
export function renderWorkerFile(input: WorkerFileInput): string {
  const schemaFrom = importSpecifier(input.outDir, input.schemaFile);
  const realtime = input.realtimeClassName !== null;
  const plugins = [...(realtime ? ["realtime()"] : []), ...(input.dashboard ? ["dashboard()"] : [])];
  const lines = [
    banner("appflare.config.ts"),
    ...(input.dashboard ? ['import { dashboard } from "@appflare/dashboard";'] : []),
    ...(realtime ? ['import { realtime } from "@appflare/realtime-do";'] : []),
    'import { createWorker } from "@appflare/server";',
    `import config from "${importSpecifier(input.outDir, input.configFile)}";`,
    input.schemaExport === "default"
      ? `import schema from "${schemaFrom}";`
      : `import { ${input.schemaExport} as schema } from "${schemaFrom}";`,
    'import { modules } from "./api";',
    "",
    plugins.length > 0
      ? `const app = createWorker({ schema, config, modules, plugins: [${plugins.join(", ")}] });`
      : "const app = createWorker({ schema, config, modules });",
    "",
    "export default app.worker;",
  ];
  if (realtime)
    lines.push(`export const ${input.realtimeClassName} = app.exports.${input.realtimeClassName};`);
  return `${lines.join("\n")}\n`;
}
