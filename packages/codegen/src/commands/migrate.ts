import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { BuildReport } from "../build/BuildReport";
import { buildOnce } from "../build/buildOnce";
import { CliError } from "../errors/CliError";
import type { Logger } from "../log/Logger";
import { applyPending } from "../migrate/applyPending";
import { askInTerminal } from "../migrate/askInTerminal";
import { generateMigration } from "../migrate/generateMigration";
import { parseRenames } from "../migrate/Renames";
import { findConfigFile } from "../project/ProjectPaths";
import type { CommandContext } from "./CommandContext";
import { printReport } from "./printReport";

/** Options of `appflare migrate`. */
export interface MigrateOptions {
  /** Apply to the local database (wrangler dev's state) or the remote D1 database. */
  readonly target: "local" | "remote";
  /**
   * `--persist-to`: wrangler's local state folder (`.wrangler/state` in the project by default;
   * relative to the cwd). Local target only: the scratch check copies that database, and wrangler
   * applies there — the folder `appflare dev -- --persist-to` serves.
   */
  readonly persistTo?: string;
  /** Name of the new migration file (derived from the tables it touches otherwise). */
  readonly name?: string;
  /** `--rename table.old=new` / `--rename old=new`: renames that would otherwise be asked about. */
  readonly renames?: readonly string[];
  /** `--allow-data-loss`: drops and table rebuilds go ahead. */
  readonly allowDataLoss?: boolean;
  /** Ask about renames on the terminal when there is one (`appflare dev` never asks). */
  readonly interactive?: boolean;
  /** Stops wrangler (`appflare dev` shutting down). */
  readonly signal?: AbortSignal;
  /**
   * Runs after the migration is generated and checked, right before wrangler applies it (`appflare dev`
   * holds requests there, so the wait is only as long as the apply).
   */
  readonly beforeApply?: () => Promise<void>;
}

/**
 * Generates the schema's next migration — renames settled, checked on a scratch copy of the local
 * database, drops refused without `allowDataLoss` — keeps it in `migrations/`, then applies pending
 * migrations with `wrangler d1 migrations apply` (again while the local database is busy). If wrangler then fails, the new migration is taken
 * back out of `migrations/`. Used by `appflare migrate` and by `appflare dev`.
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
  const t0 = performance.now();
  const { table, column } = parseRenames(options.renames ?? []);
  const generated = await generateMigration(paths, {
    binding: config.database.binding,
    name: options.name,
    table,
    column,
    allowDataLoss: options.allowDataLoss ?? false,
    ask: options.interactive ? askInTerminal() : undefined,
    ...(options.persistTo ? { localState: options.persistTo } : {}),
  });
  const written = generated.written;
  log.step("generate", written ? `${written.tag}.sql` : "no schema changes", performance.now() - t0);
  for (const rename of generated.renames) log.info(`  renames    ${rename}`);
  for (const loss of generated.dataLoss) log.info(`  allowed    ${loss}`);
  if (written) log.info(`  wrote      ${log.path(written.sqlFile)}`);

  await options.beforeApply?.();
  const t1 = performance.now();
  const apply = await applyPending({
    root,
    binding: config.database.binding,
    target: options.target,
    ...(options.persistTo ? { persistTo: options.persistTo } : {}),
    signal: options.signal,
  });
  if (apply.code !== 0) {
    written?.undo();
    const undone = written ? ` ${written.tag}.sql was taken back out of migrations/.` : "";
    throw new CliError(`wrangler d1 migrations apply failed:${undone}\n${apply.output.trim()}`, {
      file: written?.sqlFile ?? paths.migrationsDir,
    });
  }
  const applied = /No migrations to apply/i.test(apply.output) ? "already up to date" : "applied";
  log.step("apply", `${config.database.binding} (${options.target}): ${applied}`, performance.now() - t1);
  return written ? [`${written.tag}.sql`] : [];
}

/**
 * `appflare migrate [--local|--remote] [--name] [--rename …] [--allow-data-loss]`: builds (no type
 * check), then {@link applyMigrations}.
 *
 * @example
 * await migrate({ cwd: "/app", log, configPath: undefined }, { target: "local" });
 */
export async function migrate(context: CommandContext, options: MigrateOptions): Promise<void> {
  const configFile = findConfigFile(context.cwd, context.configPath);
  context.log.info(`appflare migrate --${options.target}  ${context.log.path(configFile)}`);
  const report = await buildOnce(configFile);
  printReport(context.log, report);
  const persistTo = options.persistTo && resolve(context.cwd, options.persistTo);
  await applyMigrations(
    report,
    { interactive: true, ...options, ...(persistTo ? { persistTo } : {}) },
    context.log,
  );
  context.log.success(
    `migrations ${options.target === "local" ? "applied locally" : "applied to the remote database"}`,
  );
}
