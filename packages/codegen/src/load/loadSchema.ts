import type { UserFields } from "@appflare/schema";
import { CliError } from "../errors/CliError";
import { toCliError } from "../errors/toCliError";
import { schemaProbeEntry } from "../probe/renderProbeEntry";
import type { ProjectPaths } from "../project/ProjectPaths";
import type { LoadResult, ModuleLoader } from "./ModuleLoader";

/** What codegen needs from the schema: its table names and a fingerprint of the resolved model. */
export interface LoadedSchema {
  /** Every table of the model (app, auth and junction tables). */
  readonly tables: readonly string[];
  /**
   * Changes whenever the resolved model changes (columns, keys, indexes, relations..., the config's
   * additional user fields included).
   */
  readonly fingerprint: string;
}

type SchemaProbe =
  | { missing: string; available: string[] }
  | { notSchema: string; got: string }
  | { tables: string[]; fingerprint: string };

/**
 * Loads and compiles the schema module. A `SchemaError` is reported with the schema file and the line
 * of the table/field it names; a missing or wrong export names the file and what it does export.
 *
 * @example
 * const { value: schema } = await loadSchema(loader, paths, "default");
 * // `compile: false` (watch mode) skips the Drizzle/Zod compilation check; `userFields` (the config's
 * // `auth.additionalFields`) extend `users` as in the Worker and in drizzle.schema.ts.
 */
export async function loadSchema(
  loader: ModuleLoader,
  paths: ProjectPaths,
  exportName: string,
  compile = true,
  userFields: UserFields = {},
): Promise<LoadResult<LoadedSchema>> {
  const file = paths.schemaFile;
  let result: LoadResult<SchemaProbe>;
  try {
    result = await loader.run<SchemaProbe>("schema", schemaProbeEntry(file, exportName, compile, userFields));
  } catch (error) {
    throw toCliError(error, { root: paths.root, file, internalDirs: [paths.cacheDir, paths.outDir] });
  }
  const value = result.value;
  if ("missing" in value) {
    const what = exportName === "default" ? "default export" : `export named "${exportName}"`;
    const has =
      value.available.length > 0 ? `it exports: ${value.available.join(", ")}` : "it exports nothing";
    throw new CliError(
      `The schema module has no ${what} (${has}). Write \`export default schema({ ... })\`, or set \`schemaExport\` in the config.`,
      { file },
    );
  }
  if ("notSchema" in value) {
    throw new CliError(
      `Export "${value.notSchema}" of the schema module is a ${value.got}, not a schema: build it with \`schema({ ... })\` from @appflare/schema.`,
      { file },
    );
  }
  return { value: { tables: value.tables, fingerprint: value.fingerprint }, inputs: result.inputs };
}
