import { join } from "node:path";
import type { DiscoveredHandlers } from "../discover/discoverHandlers";
import { fromRoot } from "../generate/fromRoot";
import { renderApiFile } from "../generate/renderApiFile";
import { renderClientFile } from "../generate/renderClientFile";
import { renderDrizzleConfigFile } from "../generate/renderDrizzleConfigFile";
import { renderDrizzleSchemaFile } from "../generate/renderDrizzleSchemaFile";
import { renderTasksFile } from "../generate/renderTasksFile";
import { renderWorkerFile } from "../generate/renderWorkerFile";
import { renderWranglerConfig } from "../generate/renderWranglerConfig";
import type { LoadedSchema } from "../load/loadSchema";
import type { CodegenConfig } from "../project/CodegenConfig";
import { localD1File } from "../project/localD1File";
import type { ProjectPaths } from "../project/ProjectPaths";

/** Absolute path → content of every file written after handler discovery. */
export type FileSet = ReadonlyMap<string, string>;

/**
 * Renders `api.ts`, `tasks.ts`, `worker.ts`, `client.ts`, `drizzle.schema.ts`, `drizzle.config.ts` and
 * `wrangler.json` from what was loaded. Pure: the same inputs give byte-identical output.
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
): FileSet {
  const { outDir } = paths;
  const schemaInput = { outDir, schemaFile: paths.schemaFile, schemaExport: config.schemaExport };
  return new Map([
    [join(outDir, "api.ts"), renderApiFile(outDir, discovered.modules, discovered.descriptions)],
    [join(outDir, "tasks.ts"), renderTasksFile(outDir, discovered.handlers, discovered.modules)],
    [
      join(outDir, "worker.ts"),
      renderWorkerFile({
        ...schemaInput,
        configFile: paths.configFile,
        realtimeClassName: realtime ? config.realtime.className : null,
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
      join(outDir, "drizzle.config.ts"),
      renderDrizzleConfigFile({
        root: paths.root,
        schemaModule: join(outDir, "drizzle.schema.ts"),
        migrationsDir: paths.migrationsDir,
        localDatabase: localD1File(paths.root, config.database.databaseId),
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
