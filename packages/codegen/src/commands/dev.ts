import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { AppflareBuilder } from "../build/AppflareBuilder";
import type { BuildReport } from "../build/BuildReport";
import { CliError } from "../errors/CliError";
import { formatCliError } from "../errors/formatCliError";
import { isInside } from "../project/isInside";
import { findConfigFile } from "../project/ProjectPaths";
import { startTool, stopChild } from "../tools/runTool";
import { toolBin } from "../tools/toolBin";
import { watchFiles } from "../watch/watchFiles";
import type { CommandContext } from "./CommandContext";
import { applyMigrations } from "./migrate";
import { printReport } from "./printReport";
import { schemaFingerprintStore } from "./schemaFingerprintStore";

/** Options of `appflare dev`. */
export interface DevOptions {
  /** Run `wrangler dev` alongside (default); off, only the generated files are kept up to date. */
  readonly wrangler: boolean;
  /** Extra arguments for `wrangler dev` (`appflare dev -- --port 8788`). */
  readonly wranglerArgs: readonly string[];
  /** Stops the session (tests); SIGINT/SIGTERM also stop it. */
  readonly signal?: AbortSignal;
}

/**
 * `appflare dev`: builds, applies local migrations when the schema changed, runs `wrangler dev`
 * (workerd with local D1/R2/Durable Objects/Queues), and regenerates only what a file change affects.
 * Errors are printed and the session keeps watching, so fixing the file recovers.
 *
 * @example
 * await dev({ cwd: "/app", log, configPath: undefined }, { wrangler: true, wranglerArgs: [] });
 */
export async function dev(context: CommandContext, options: DevOptions): Promise<void> {
  const { log, cwd } = context;
  const configFile = findConfigFile(cwd, context.configPath);
  log.info(`appflare dev  ${log.path(configFile)}`);
  const builder = new AppflareBuilder(configFile);
  let wrangler: ChildProcess | undefined;
  let stopped = false;
  // Aborted on stop: a running drizzle-kit / wrangler migration is killed rather than awaited.
  const stopping = new AbortController();
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  // A long-running session reports every failure and keeps watching: fixing the file recovers.
  const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CliError) log.error(formatCliError(error, cwd));
      else log.error(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

  const migrateIfSchemaChanged = async (report: BuildReport) => {
    const store = schemaFingerprintStore(report.paths.cacheDir, report.config.database.binding);
    const localState = join(report.paths.root, ".wrangler", "state");
    const current = store.hash(report.schema.fingerprint);
    if (stopped || (store.read() === current && existsSync(localState))) return;
    await attempt(async () => {
      try {
        await applyMigrations(report, { target: "local", signal: stopping.signal }, log);
        store.write(report.schema.fingerprint);
      } catch (error) {
        // A migration killed because the session is stopping is not an error worth printing.
        if (!stopped) throw error;
      }
    });
  };

  // Migrations (drizzle-kit + wrangler: seconds) run beside the regeneration queue, never in it, so
  // edits keep regenerating meanwhile; schema changes arriving during a run coalesce into one more run.
  let migrating: Promise<void> | undefined;
  let latest: BuildReport | undefined;
  const scheduleMigration = (report: BuildReport): Promise<void> => {
    latest = report;
    migrating ??= (async () => {
      while (latest) {
        const next = latest;
        latest = undefined;
        await migrateIfSchemaChanged(next);
      }
      migrating = undefined;
    })();
    return migrating;
  };

  const startWrangler = (report: BuildReport) => {
    if (!options.wrangler || wrangler || stopped) return;
    const bin = toolBin(report.paths.root, "wrangler", "wrangler");
    log.info(`  wrangler   dev ${options.wranglerArgs.join(" ")}`.trimEnd());
    wrangler = startTool(bin, ["dev", ...options.wranglerArgs], { cwd: report.paths.root, stdio: "inherit" });
    wrangler.on("exit", (code) => {
      wrangler = undefined;
      if (!stopped) {
        log.info(`wrangler dev exited${code === null ? "" : ` with code ${code}`}; stopping appflare dev`);
        void stop();
      }
    });
  };

  const first = await attempt(() => builder.build());
  if (first) {
    printReport(log, first);
    // The local database is migrated before wrangler dev serves requests against it.
    await scheduleMigration(first);
    startWrangler(first);
  }

  let queue = Promise.resolve();
  const onChange = (files: string[]) => {
    queue = queue.then(async () => {
      if (stopped) return;
      const report = await attempt(() => builder.rebuild(files));
      watch.setTargets(builder.watchTargets());
      if (!report) return;
      const what = files.map((f) => log.path(f)).join(", ");
      const wrote =
        report.written.length > 0 ? report.written.map((f) => log.path(f)).join(", ") : "nothing changed";
      log.step("change", `${what} → ${wrote}`, report.totalMs);
      if (report.schemaReloaded) {
        const migrated = scheduleMigration(report);
        // Before wrangler dev first starts (the first build had failed), its database must be ready.
        if (options.wrangler && !wrangler) await migrated;
      }
      startWrangler(report);
    });
  };
  const root = dirname(builder.configFile);
  const internal = (file: string) =>
    isInside(join(root, "node_modules"), file) ||
    isInside(join(root, ".wrangler"), file) ||
    file.endsWith("wrangler.json");
  const watch = watchFiles(builder.watchTargets(), onChange, internal);
  await watch.ready;
  if (first) log.success("ready; watching for changes");
  else log.info("watching for changes (fix the error above)");

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    stopping.abort();
    if (wrangler) stopChild(wrangler);
    await watch.close();
    await queue;
    await migrating;
    await builder.close();
    finish();
  }
  const onSignal = () => void stop();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  options.signal?.addEventListener("abort", onSignal, { once: true });
  await done;
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
}
