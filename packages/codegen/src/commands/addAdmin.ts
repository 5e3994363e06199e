import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildReport } from "../build/BuildReport";
import { buildOnce } from "../build/buildOnce";
import { CliError } from "../errors/CliError";
import { ModuleLoader } from "../load/ModuleLoader";
import {
  type AddAdminProbeInput,
  type AddAdminProbeResult,
  addAdminProbeEntry,
} from "../probe/addAdminProbeEntry";
import { ProbeError } from "../probe/ProbeError";
import { findConfigFile, readPackageName } from "../project/ProjectPaths";
import { findPackageDir } from "../tools/findPackageDir";
import type { CommandContext } from "./CommandContext";

/** Options of `appflare add-admin`. */
export interface AddAdminOptions {
  readonly email: string;
  readonly password: string;
  readonly name?: string;
  /** The local database (`wrangler dev`'s state) or the remote D1 database. */
  readonly target: "local" | "remote";
}

/** Starting workerd (and, remotely, a proxy session) can take a while on a loaded machine. */
const PROBE_TIMEOUT_MS = 180_000;

/**
 * `appflare add-admin -e -p -n [--local|--remote]`: creates an admin user with an email/password
 * account, or gives an existing user (same email) the `admin` role — an existing user's password is
 * never changed. It builds first (no type check) so `wrangler.json` is current, then runs Better Auth
 * in Node with the app's own config against the D1 binding wrangler's `getPlatformProxy` opens. The
 * database must be migrated (`appflare migrate`); nothing is written when it is not.
 *
 * @example
 * await addAdmin({ cwd: "/app", log, configPath: undefined },
 *   { email: "ops@example.com", password: "a long passphrase", target: "local" });
 */
export async function addAdmin(context: CommandContext, options: AddAdminOptions): Promise<void> {
  const { log } = context;
  const configFile = findConfigFile(context.cwd, context.configPath);
  log.info(`appflare add-admin --${options.target}  ${log.path(configFile)}`);
  const report = await buildOnce(configFile);
  const { paths, config } = report;
  if (!config.auth.enabled) {
    throw new CliError("add-admin: auth is disabled (`auth.enabled: false`), so there are no users to add", {
      file: configFile,
    });
  }
  const wranglerDir = findPackageDir(paths.root, "wrangler");
  if (!wranglerDir) throw new CliError("wrangler is not installed: npm install --save-dev wrangler");
  const binding = config.database.binding;
  const where = `${binding} (${options.target})`;
  const input: AddAdminProbeInput = {
    account: { email: options.email, password: options.password, name: options.name },
    proxy:
      options.target === "local"
        ? {
            configPath: paths.wranglerFile,
            persist: { path: join(paths.root, ".wrangler", "state", "v3") },
            remoteBindings: false,
          }
        : { configPath: remoteWranglerConfig(report), persist: false, remoteBindings: true },
    fallbackSecret: randomBytes(32).toString("hex"),
  };
  const loader = new ModuleLoader(paths.root, paths.cacheDir, { timeoutMs: PROBE_TIMEOUT_MS });
  let result: AddAdminProbeResult;
  try {
    const entry = addAdminProbeEntry({
      configFile,
      schemaFile: paths.schemaFile,
      schemaExport: config.schemaExport,
      packageName: readPackageName(paths.root),
      wranglerUrl: pathToFileURL(join(wranglerDir, wranglerMain(wranglerDir))).href,
    });
    result = (await loader.run<AddAdminProbeResult>("add-admin", entry, input)).value;
  } catch (error) {
    throw asCliError(error, where);
  } finally {
    await loader.close();
  }
  if ("missingTable" in result) {
    throw new CliError(
      `add-admin: the ${where} database has no "${result.missingTable}" table; run \`appflare migrate --${options.target}\` first. Nothing was written.`,
    );
  }
  if (result.created) log.success(`created admin ${result.email} (user ${result.userId}) in ${where}`);
  else if (result.promoted) {
    log.success(`promoted ${result.email} (user ${result.userId}) to admin in ${where}`);
    log.info("  the user already existed: their password was not changed");
  } else log.success(`${result.email} is already an admin in ${where}; nothing changed`);
}

function wranglerMain(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { main?: string };
  return manifest.main ?? "wrangler-dist/cli.js";
}

interface WranglerD1 {
  binding?: string;
  database_name?: string;
  database_id?: string;
}

/**
 * A wrangler config holding only the app's D1 binding, marked `remote`, so `getPlatformProxy` talks
 * to the real database (and starts nothing else the app binds). Needs the database's id.
 */
function remoteWranglerConfig(report: BuildReport): string {
  const { paths, config } = report;
  const wrangler = JSON.parse(readFileSync(paths.wranglerFile, "utf8")) as {
    account_id?: string;
    compatibility_date?: string;
    compatibility_flags?: string[];
    d1_databases?: WranglerD1[];
  };
  const d1 = wrangler.d1_databases?.find((db) => db.binding === config.database.binding);
  if (!d1?.database_id || d1.database_id === "local") {
    throw new CliError(
      `add-admin --remote needs the id of the ${config.database.binding} D1 database: create it with \`wrangler d1 create ${d1?.database_name ?? config.database.databaseName}\`, set \`database.databaseId\` in the config, and run \`appflare migrate --remote\`. Nothing was written.`,
      { file: paths.configFile },
    );
  }
  const file = join(paths.cacheDir, "add-admin.wrangler.json");
  mkdirSync(paths.cacheDir, { recursive: true });
  const remote = {
    name: config.name,
    account_id: wrangler.account_id,
    compatibility_date: wrangler.compatibility_date,
    compatibility_flags: wrangler.compatibility_flags,
    d1_databases: [{ ...d1, remote: true }],
  };
  writeFileSync(file, `${JSON.stringify(remote, null, 2)}\n`);
  return file;
}

/**
 * Messages of `createOrPromoteAdmin` (`add-admin: …`: a bad email, a password outside the app's length
 * limits) are printed as they are; anything else (wrangler, D1, Better Auth) is prefixed with the
 * database it was talking to.
 */
function asCliError(error: unknown, where: string): CliError {
  if (error instanceof CliError) return error;
  const message = error instanceof ProbeError || error instanceof Error ? error.message : String(error);
  if (message.startsWith("add-admin:")) return new CliError(`${message}. Nothing was written.`);
  return new CliError(`add-admin failed on ${where}: ${message}`);
}
