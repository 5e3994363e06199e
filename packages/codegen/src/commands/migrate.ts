import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import type { BuildReport } from "../build/BuildReport";
import { buildOnce } from "../build/buildOnce";
import { CliError } from "../errors/CliError";
import type { Logger } from "../log/Logger";
import { findConfigFile } from "../project/ProjectPaths";
import { runTool } from "../tools/runTool";
import { toolBin } from "../tools/toolBin";
import type { CommandContext } from "./CommandContext";
import { printReport } from "./printReport";

/** Options of `appflare migrate`. */
export interface MigrateOptions {
  /** Apply to the local database (wrangler dev's state) or the remote D1 database. */
  readonly target: "local" | "remote";
  /** Name of the new migration file (drizzle-kit picks one otherwise). */
  readonly name?: string;
  /** Stops drizzle-kit / wrangler (`appflare dev` shutting down). */
  readonly signal?: AbortSignal;
}

function sqlFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".sql"))
        .sort()
    : [];
}

/**
 * Generates SQL for the schema's changes with drizzle-kit into `migrations/`, then applies pending
 * migrations with `wrangler d1 migrations apply`. Used by `appflare migrate` and by `appflare dev`.
 *
 * @example
 * await applyMigrations(report, { target: "local" }, log);
 */
export async function applyMigrations(
  report: BuildReport,
  options: MigrateOptions,
  log: Logger,
): Promise<string[]> {
  const { paths, config } = report;
  const root = paths.root;
  const before = new Set(sqlFiles(paths.migrationsDir));
  const t0 = performance.now();
  const generate = await runTool(
    toolBin(root, "drizzle-kit", "drizzle-kit"),
    [
      "generate",
      "--dialect=sqlite",
      `--schema=${relative(root, join(paths.outDir, "drizzle.schema.ts")).replaceAll("\\", "/")}`,
      `--out=${relative(root, paths.migrationsDir).replaceAll("\\", "/")}`,
      ...(options.name ? [`--name=${options.name}`] : []),
    ],
    { cwd: root, stdio: "pipe", signal: options.signal },
  );
  if (generate.code !== 0) {
    throw new CliError(`drizzle-kit generate failed:\n${generate.output.trim()}`, {
      file: join(paths.outDir, "drizzle.schema.ts"),
    });
  }
  const created = sqlFiles(paths.migrationsDir).filter((f) => !before.has(f));
  log.step("generate", created.length > 0 ? created.join(", ") : "no schema changes", performance.now() - t0);
  for (const file of created) log.info(`  wrote      ${log.path(join(paths.migrationsDir, file))}`);

  const t1 = performance.now();
  const apply = await runTool(
    toolBin(root, "wrangler", "wrangler"),
    ["d1", "migrations", "apply", config.database.binding, `--${options.target}`],
    // CI=1 answers wrangler's "apply these migrations?" prompt.
    { cwd: root, stdio: "pipe", env: { ...process.env, CI: "1" }, signal: options.signal },
  );
  if (apply.code !== 0) {
    throw new CliError(`wrangler d1 migrations apply failed:\n${apply.output.trim()}`, {
      file: paths.wranglerFile,
    });
  }
  const applied = /No migrations to apply/i.test(apply.output) ? "already up to date" : "applied";
  log.step("apply", `${config.database.binding} (${options.target}): ${applied}`, performance.now() - t1);
  return created;
}

/**
 * `appflare migrate [--local|--remote] [--name]`: builds (no type check), then {@link applyMigrations}.
 *
 * @example
 * await migrate({ cwd: "/app", log, configPath: undefined }, { target: "local" });
 */
export async function migrate(context: CommandContext, options: MigrateOptions): Promise<void> {
  const configFile = findConfigFile(context.cwd, context.configPath);
  context.log.info(`appflare migrate --${options.target}  ${context.log.path(configFile)}`);
  const report = await buildOnce(configFile);
  printReport(context.log, report);
  await applyMigrations(report, options, context.log);
  context.log.success(
    `migrations ${options.target === "local" ? "applied locally" : "applied to the remote database"}`,
  );
}
