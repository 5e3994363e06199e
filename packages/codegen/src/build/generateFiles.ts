import { join, relative } from "node:path";
import type { DiscoveredHandlers } from "../discover/discoverHandlers";
import { renderApiFile } from "../generate/renderApiFile";
import { renderClientFile } from "../generate/renderClientFile";
import { renderDrizzleSchemaFile } from "../generate/renderDrizzleSchemaFile";
import { renderTasksFile } from "../generate/renderTasksFile";
import { renderWorkerFile } from "../generate/renderWorkerFile";
import { renderWranglerConfig } from "../generate/renderWranglerConfig";
import type { LoadedSchema } from "../load/loadSchema";
import type { CodegenConfig } from "../project/CodegenConfig";
import type { ProjectPaths } from "../project/ProjectPaths";

/** Absolute path → content of every file written after handler discovery. */
export type FileSet = ReadonlyMap<string, string>;

/** `./_generated/worker.ts`: a path relative to the app root, as wrangler.json wants it. */
function fromRoot(root: string, file: string): string {
  const rel = relative(root, file).replaceAll("\\", "/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/**
 * Renders `api.ts`, `tasks.ts`, `worker.ts`, `client.ts`, `drizzle.schema.ts` and `wrangler.json` from
 * what was loaded. Pure: the same inputs give byte-identical output.
 *
 * @example
 * for (const [file, content] of generateFiles(paths, config, schema, discovered, false)) writeIfChanged(file, content);
 */
export function generateFiles(
  paths: ProjectPaths,
  config: CodegenConfig,
  schema: LoadedSchema,
  discovered: DiscoveredHandlers,
  realtime: boolean,
  dashboard = false,
): FileSet {
  const { outDir } = paths;
  const schemaInput = { outDir, schemaFile: paths.schemaFile, schemaExport: config.schemaExport };
  return new Map([
    [join(outDir, "api.ts"), renderApiFile(outDir, discovered.modules)],
    [join(outDir, "tasks.ts"), renderTasksFile(outDir, discovered.handlers, discovered.modules)],
    [
      join(outDir, "worker.ts"),
      renderWorkerFile({
        ...schemaInput,
        configFile: paths.configFile,
        realtimeClassName: realtime ? config.realtime.className : null,
        dashboard,
      }),
    ],
    [join(outDir, "client.ts"), renderClientFile()],
    [
      join(outDir, "drizzle.schema.ts"),
      renderDrizzleSchemaFile({
        ...schemaInput,
        tables: schema.tables,
        userFields: config.auth.additionalFields,
      }),
    ],
    [
      paths.wranglerFile,
      renderWranglerConfig({
        config,
        main: fromRoot(paths.root, join(outDir, "worker.ts")),
        migrationsDir: fromRoot(paths.root, paths.migrationsDir).replace(/^\.\//, ""),
        handlers: discovered.handlers,
        crons: discovered.crons,
        realtime,
      }),
    ],
  ]);
}
