import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CliError } from "../errors/CliError";
import type { CodegenConfig } from "./CodegenConfig";

/** Config file names `appflare` looks for when `-c` is not given, in order. */
export const CONFIG_FILE_NAMES = [
  "appflare.config.ts",
  "appflare.config.mts",
  "appflare.config.js",
  "appflare.config.mjs",
];

/** Every absolute path a command works with, derived from the config file and its resolved config. */
export interface ProjectPaths {
  /** The app root: the folder of the config file. Config paths are relative to it. */
  readonly root: string;
  readonly configFile: string;
  readonly schemaFile: string;
  readonly scanDir: string;
  readonly outDir: string;
  /** SQL migrations written by drizzle-kit and applied by wrangler (`<root>/migrations`). */
  readonly migrationsDir: string;
  readonly wranglerFile: string;
  /** Scratch space for bundled loader modules (`<root>/node_modules/.cache/appflare`). */
  readonly cacheDir: string;
}

/**
 * The config file to use: `-c <path>` when given (it must exist), else the first of
 * {@link CONFIG_FILE_NAMES} in `cwd`.
 *
 * @example
 * findConfigFile("/app"); // "/app/appflare.config.ts"
 */
export function findConfigFile(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new CliError(`Config file not found (given with -c)`, { file });
    return file;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(cwd, name);
    if (existsSync(file)) return file;
  }
  throw new CliError(
    `No appflare.config.ts in ${cwd}. Run \`appflare init\` to create an app, or pass -c <path/to/appflare.config.ts>.`,
  );
}

/** Where the config's cache lives before the config itself is loaded. */
export function cacheDirOf(root: string): string {
  return join(root, "node_modules", ".cache", "appflare");
}

/**
 * Absolute paths for a loaded config. Fails, naming the config file, when the schema module it points
 * at does not exist.
 *
 * @example
 * const paths = projectPaths("/app/appflare.config.ts", config);
 * paths.outDir; // "/app/_generated"
 */
export function projectPaths(configFile: string, config: CodegenConfig): ProjectPaths {
  const root = dirname(configFile);
  const schemaFile = resolveModuleFile(resolve(root, config.schema));
  if (schemaFile === undefined) {
    throw new CliError(`schema: ${config.schema} does not exist (resolved from the config's folder)`, {
      file: configFile,
    });
  }
  return {
    root,
    configFile,
    schemaFile,
    scanDir: resolve(root, config.scanDir),
    outDir: resolve(root, config.outDir),
    migrationsDir: join(root, "migrations"),
    wranglerFile: join(root, "wrangler.json"),
    cacheDir: cacheDirOf(root),
  };
}

/** `./schema` → `./schema.ts` (or .tsx/.js/.mjs); an existing path is returned as is. */
function resolveModuleFile(file: string): string | undefined {
  if (existsSync(file)) return file;
  for (const ext of [".ts", ".tsx", ".mts", ".js", ".mjs"]) if (existsSync(file + ext)) return file + ext;
  return undefined;
}

/** `name` of the app's package.json (the default Worker name derives from it). */
export function readPackageName(root: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name?: unknown };
    return typeof manifest.name === "string" ? manifest.name : undefined;
  } catch {
    return undefined;
  }
}
