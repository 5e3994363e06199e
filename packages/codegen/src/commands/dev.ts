import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { AppflareBuilder } from "../build/AppflareBuilder";
import type { BuildReport } from "../build/BuildReport";
import { DevServer } from "../dev/DevServer";
import { parseServeArgs } from "../dev/parseServeArgs";
import { CliError } from "../errors/CliError";
import { formatCliError } from "../errors/formatCliError";
import { isInside } from "../project/isInside";
import { cacheDirOf, findConfigFile } from "../project/ProjectPaths";
import { watchFiles } from "../watch/watchFiles";
import type { CommandContext } from "./CommandContext";
import { applyMigrations } from "./migrate";
import { printReport } from "./printReport";
import { schemaFingerprintStore } from "./schemaFingerprintStore";

/** Options of `appflare dev`. */
export interface DevOptions {
  /** Serve the Worker (default); off, only the generated files are kept up to date. */
  readonly wrangler: boolean;
  /** `appflare dev -- --port 8788 --ip 0.0.0.0 --persist-to dir`. */
  readonly wranglerArgs: readonly string[];
  /** Stops the session (tests); SIGINT/SIGTERM also stop it. */
  readonly signal?: AbortSignal;
}

/**
 * `appflare dev`: builds, applies local migrations when the schema changed, serves the Worker with
 * wrangler's dev server (workerd with local D1/R2/Durable Objects/Queues) and regenerates only what a
 * file change affects. The Worker reloads only after a build that succeeded and, for a schema change,
 * after its migration is applied: a broken save is printed with `file:line` while the last good
 * Worker keeps serving, and fixing the file recovers.
 *
 * @example
 * await dev({ cwd: "/app", log, configPath: undefined }, { wrangler: true, wranglerArgs: [] });
 */
export async function dev(context: CommandContext, options: DevOptions): Promise<void> {
  const { log, cwd } = context;
  const configFile = findConfigFile(cwd, context.configPath);
  const serve = parseServeArgs(options.wranglerArgs);
  log.info(`appflare dev  ${log.path(configFile)}`);
  const root = dirname(configFile);
  // wrangler's local state: where the dev server keeps D1/R2/Durable Objects, and so where dev migrates.
  const persistTo = serve.persist && resolve(cwd, serve.persist);
  const builder = new AppflareBuilder(configFile);
  const server = options.wrangler
    ? new DevServer({
        root,
        wranglerFile: join(root, "wrangler.json"),
        cacheDir: cacheDirOf(root),
        ip: serve.ip,
        port: serve.port,
        persist: persistTo,
        log,
      })
    : undefined;
  let stopped = false;
  // Aborted on stop: a running wrangler migration is killed rather than awaited.
  const stopping = new AbortController();
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  // A long-running session reports every failure and keeps watching: fixing the file recovers.
  let lastError = "";
  const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (stopped) return undefined;
      lastError =
        error instanceof CliError
          ? formatCliError(error, cwd)
          : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      log.error(lastError);
      return undefined;
    }
  };

  /** Migrates when the schema changed since the last applied migration; `false` when that failed. */
  const migrateIfSchemaChanged = async (report: BuildReport): Promise<boolean> => {
    const store = schemaFingerprintStore(report.paths.cacheDir, report.config.database.binding);
    const localState = persistTo ?? join(report.paths.root, ".wrangler", "state");
    if (store.read() === store.hash(report.schema.fingerprint) && existsSync(localState)) return true;
    const migrated = await attempt(async () => {
      await applyMigrations(
        report,
        {
          target: "local",
          ...(persistTo ? { persistTo } : {}),
          signal: stopping.signal,
          interactive: false,
          // Requests wait in the proxy while the database changes under the Worker (released by the
          // reload, or by `release` when the migration failed): the old Worker never meets the new
          // tables, nor the new Worker the old ones, and the migration meets few readers.
          beforeApply: async () => server?.hold(),
        },
        log,
      );
      store.write(report.schema.fingerprint);
      return true;
    });
    return migrated === true;
  };

  /** After a good build: migrate, then (and only then) let the Worker see the new files. */
  const publish = async (report: BuildReport, schemaChanged: boolean) => {
    if (schemaChanged && !(await migrateIfSchemaChanged(report))) {
      log.info("  worker     not reloaded: it keeps the previous schema until the migration goes through");
      await server?.release();
      await server?.showError(lastError);
      return;
    }
    if (!stopped) await attempt(async () => server?.reload());
  };

  const first = await attempt(() => builder.build());
  if (first) {
    printReport(log, first);
    await publish(first, true);
  } else {
    await server?.showError(lastError);
  }

  let queue = Promise.resolve();
  const onChange = (files: string[]) => {
    queue = queue.then(async () => {
      if (stopped) return;
      const report = await attempt(() => builder.rebuild(files));
      watch.setTargets(builder.watchTargets());
      if (report === undefined) {
        await server?.showError(lastError);
        return;
      }
      if (report === null) return;
      const what = files.map((f) => log.path(f)).join(", ");
      const wrote =
        report.written.length > 0
          ? report.written.map((f) => log.path(f)).join(", ")
          : report.schemaReloaded
            ? "schema reloaded"
            : "nothing changed";
      log.step("change", `${what} → ${wrote}`, report.totalMs);
      await publish(report, report.schemaReloaded);
    });
  };
  const internal = (file: string) =>
    isInside(join(root, "node_modules"), file) ||
    isInside(join(root, ".wrangler"), file) ||
    file.endsWith("wrangler.json");
  const watch = watchFiles(builder.watchTargets(), onChange, internal);
  // Listening before "ready" is printed: a Ctrl-C (or a test's SIGINT) sent the moment it appears must
  // find the handler, not Node's default, which kills the process and leaves wrangler running.
  const onSignal = () => void stop();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  options.signal?.addEventListener("abort", onSignal, { once: true });
  await watch.ready;
  if (first) log.success("ready; watching for changes");
  else log.info("watching for changes (fix the error above)");

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    stopping.abort();
    await watch.close();
    await queue;
    await server?.stop();
    await builder.close();
    finish();
  }
  await done;
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
}
