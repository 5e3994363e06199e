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
  /** `@appflare/dashboard` is installed and `config.dashboard.enabled`: mount it as a plugin. */
  readonly dashboard?: boolean;
}

/**
 * `<outDir>/worker.ts`, wrangler's `main`: builds the Worker from the schema, the config and the
 * handler registry. All behaviour lives in `createWorker` (`@appflare/server`).
 *
 * @example
 * renderWorkerFile({ outDir: "/app/_generated", configFile: "/app/appflare.config.ts", schemaFile: "/app/schema.ts", schemaExport: "default", realtimeClassName: "AppflareRealtime" });
 */
export function renderWorkerFile(input: WorkerFileInput): string {
  const schemaFrom = importSpecifier(input.outDir, input.schemaFile);
  const lines = [
    banner("appflare.config.ts"),
    'import { createWorker } from "@appflare/server";',
    `import config from "${importSpecifier(input.outDir, input.configFile)}";`,
    input.schemaExport === "default"
      ? `import schema from "${schemaFrom}";`
      : `import { ${input.schemaExport} as schema } from "${schemaFrom}";`,
    'import { modules } from "./api";',
    ...(input.dashboard ? ['import { dashboard } from "@appflare/dashboard";'] : []),
    "",
    input.dashboard
      ? "const app = createWorker({ schema, config, modules, plugins: [dashboard()] });"
      : "const app = createWorker({ schema, config, modules });",
    "",
    "export default app.worker;",
  ];
  if (input.realtimeClassName !== null) {
    lines.push(`export const ${input.realtimeClassName} = app.RealtimeObject;`);
  }
  return `${lines.join("\n")}\n`;
}
