import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CliError } from "../errors/CliError";
import { toCliError } from "../errors/toCliError";
import { ModuleLoader } from "../load/ModuleLoader";
import type { ProjectPaths } from "../project/ProjectPaths";
import { findPackageDir } from "../tools/findPackageDir";
import type { SqliteSnapshot } from "./SqliteSnapshot";

/**
 * The probe: imports the generated `drizzle.schema.ts` and has drizzle-kit's own API turn its tables
 * into a snapshot (plain JSON), so the diff is drizzle-kit's, driven in-process instead of through its
 * interactive CLI. drizzle-kit is imported by URL at run time: it is not bundled into the probe.
 */
function snapshotProbeEntry(drizzleSchemaFile: string): string {
  return `import * as tables from ${JSON.stringify(drizzleSchemaFile)};
export async function probe(input) {
  const imported = await import(input.api);
  const api = imported.generateSQLiteDrizzleJson ? imported : imported.default;
  return api.generateSQLiteDrizzleJson({ ...tables }, input.prevId);
}
`;
}

/** URL of drizzle-kit's programmatic API (the app's own install first, then this CLI's). */
export function drizzleKitApiUrl(root: string): string {
  const dir = findPackageDir(root, "drizzle-kit");
  if (!dir) throw new CliError("drizzle-kit is not installed: npm install --save-dev drizzle-kit");
  return pathToFileURL(join(dir, "api.js")).href;
}

/**
 * The drizzle-kit snapshot of the schema as generated in `<outDir>/drizzle.schema.ts` (run
 * `build` first), chained after `prevId`.
 *
 * @example
 * const cur = await loadSnapshot(paths, prev.id);
 */
export async function loadSnapshot(paths: ProjectPaths, prevId: string): Promise<SqliteSnapshot> {
  const loader = new ModuleLoader(paths.root, paths.cacheDir);
  const file = join(paths.outDir, "drizzle.schema.ts");
  try {
    const input = { api: drizzleKitApiUrl(paths.root), prevId };
    const { value } = await loader.run<SqliteSnapshot>("drizzle-snapshot", snapshotProbeEntry(file), input);
    return value;
  } catch (error) {
    throw toCliError(error, { root: paths.root, file, internalDirs: [paths.cacheDir, paths.outDir] });
  } finally {
    await loader.close();
  }
}
