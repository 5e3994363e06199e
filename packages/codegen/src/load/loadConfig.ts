import { CliError } from "../errors/CliError";
import { toCliError } from "../errors/toCliError";
import { configProbeEntry } from "../probe/renderProbeEntry";
import type { CodegenConfig } from "../project/CodegenConfig";
import { cacheDirOf, readPackageName } from "../project/ProjectPaths";
import type { LoadResult, ModuleLoader } from "./ModuleLoader";

type ConfigProbe = { missingDefault: true } | { config: CodegenConfig };

/**
 * Loads `appflare.config.ts` (TypeScript, no build step) and resolves it with `@appflare/server`'s
 * `resolveConfig`: an unknown or mistyped key fails with the key path, the expected type, the file and
 * the line of the key.
 *
 * @example
 * const { value: config } = await loadConfig(loader, "/app/appflare.config.ts", "/app");
 */
export async function loadConfig(
  loader: ModuleLoader,
  configFile: string,
  root: string,
): Promise<LoadResult<CodegenConfig>> {
  const context = { root, file: configFile, internalDirs: [cacheDirOf(root)] };
  let result: LoadResult<ConfigProbe>;
  try {
    result = await loader.run<ConfigProbe>("config", configProbeEntry(configFile, readPackageName(root)));
  } catch (error) {
    throw toCliError(error, context);
  }
  if ("missingDefault" in result.value) {
    throw new CliError(
      "The config module has no default export: write `export default defineConfig({ ... })`",
      {
        file: configFile,
      },
    );
  }
  return { value: result.value.config, inputs: result.inputs };
}
