import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { AppflareBuilder } from "../build/AppflareBuilder";
import type { BuildReport } from "../build/BuildReport";
import { applyMigrations } from "../commands/migrate";
import { printReport } from "../commands/printReport";
import { schemaFingerprintStore } from "../commands/schemaFingerprintStore";
import { CliError } from "../errors/CliError";
import { formatCliError } from "../errors/formatCliError";
import type { Logger } from "../log/Logger";
import { isInside } from "../project/isInside";
import { cacheDirOf } from "../project/ProjectPaths";
import { type FileWatch, watchFiles } from "../watch/watchFiles";
import { DevServer } from "./DevServer";
import type { ServeOptions } from "./parseServeArgs";

/** What a {@link DevSession} needs: the config file, where it runs, and wrangler's serve options. */
export interface DevSessionOptions {
  readonly configFile: string;
  readonly cwd: string;
  readonly log: Logger;
  readonly serve: ServeOptions;
  /** Serve the Worker; off, only the generated files are kept up to date. */
  readonly wrangler: boolean;
}

/**
 * One `appflare dev` session: the first build, its migration and the Worker's start, then a rebuild,
 * migration and reload per file change, until {@link stop}. Every failure is printed and the session
 * keeps watching: fixing the file recovers.
 *
 * `stop` may be called at any moment, also while the first build is running (a Ctrl-C right after
 * start): it waits for that build, kills a running migration, and stops wrangler.
 */
export class DevSession {
  private readonly log: Logger;
  private readonly cwd: string;
  private readonly root: string;
  /** wrangler's local state: where the dev server keeps D1/R2/Durable Objects, and so where dev migrates. */
  private readonly persistTo: string | undefined;
  private readonly builder: AppflareBuilder;
  private readonly server: DevServer | undefined;
  /** Aborted on stop: a running wrangler migration is killed rather than awaited. */
  private readonly stopping = new AbortController();
  private stopped = false;
  private lastError = "";
  private watch: FileWatch | undefined;
  private queue: Promise<void> = Promise.resolve();
  private startup: Promise<void> | undefined;
  private finish: () => void = () => {};
  private readonly done = new Promise<void>((resolve) => {
    this.finish = resolve;
  });

  constructor(options: DevSessionOptions) {
    const { configFile, cwd, serve, log } = options;
    this.log = log;
    this.cwd = cwd;
    this.root = dirname(configFile);
    this.persistTo = serve.persist && resolve(cwd, serve.persist);
    this.builder = new AppflareBuilder(configFile);
    this.server = options.wrangler
      ? new DevServer({
          root: this.root,
          wranglerFile: join(this.root, "wrangler.json"),
          cacheDir: cacheDirOf(this.root),
          ip: serve.ip,
          port: serve.port,
          persist: this.persistTo,
          log,
        })
      : undefined;
  }

  /** Builds, serves and watches; resolves once {@link stop} has finished. */
  async run(): Promise<void> {
    this.startup = this.start();
    await this.startup;
    await this.done;
  }

  /** Stops watching and serving; safe to call more than once, and before the first build ends. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.stopping.abort();
    await this.startup;
    await this.watch?.close();
    await this.queue;
    await this.server?.stop();
    await this.builder.close();
    this.finish();
  }

  private async start(): Promise<void> {
    const first = await this.attempt(() => this.builder.build());
    if (this.stopped) return;
    if (first) {
      printReport(this.log, first);
      await this.publish(first, true);
    } else {
      await this.server?.showError(this.lastError);
    }
    if (this.stopped) return;
    this.watch = watchFiles(
      this.builder.watchTargets(),
      (files) => this.onChange(files),
      (file) => this.isInternal(file),
    );
    await this.watch.ready;
    if (this.stopped) return;
    if (first) this.log.success("ready; watching for changes");
    else this.log.info("watching for changes (fix the error above)");
  }

  private onChange(files: string[]): void {
    this.queue = this.queue.then(async () => {
      if (this.stopped) return;
      const report = await this.attempt(() => this.builder.rebuild(files));
      this.watch?.setTargets(this.builder.watchTargets());
      if (report === undefined) {
        await this.server?.showError(this.lastError);
        return;
      }
      if (report === null) return;
      const what = files.map((f) => this.log.path(f)).join(", ");
      const wrote =
        report.written.length > 0
          ? report.written.map((f) => this.log.path(f)).join(", ")
          : report.schemaReloaded
            ? "schema reloaded"
            : "nothing changed";
      this.log.step("change", `${what} → ${wrote}`, report.totalMs);
      await this.publish(report, report.schemaReloaded);
    });
  }

  /** Files dev itself writes, or that installs change: not a reason to rebuild. */
  private isInternal(file: string): boolean {
    return (
      isInside(join(this.root, "node_modules"), file) ||
      isInside(join(this.root, ".wrangler"), file) ||
      file.endsWith("wrangler.json")
    );
  }

  /** After a good build: migrate, then (and only then) let the Worker see the new files. */
  private async publish(report: BuildReport, schemaChanged: boolean): Promise<void> {
    if (schemaChanged && !(await this.migrateIfSchemaChanged(report))) {
      this.log.info(
        "  worker     not reloaded: it keeps the previous schema until the migration goes through",
      );
      await this.server?.release();
      await this.server?.showError(this.lastError);
      return;
    }
    if (!this.stopped) await this.attempt(async () => this.server?.reload());
  }

  /** Migrates when the schema changed since the last applied migration; `false` when that failed. */
  private async migrateIfSchemaChanged(report: BuildReport): Promise<boolean> {
    const store = schemaFingerprintStore(report.paths.cacheDir, report.config.database.binding);
    const localState = this.persistTo ?? join(report.paths.root, ".wrangler", "state");
    if (store.read() === store.hash(report.schema.fingerprint) && existsSync(localState)) return true;
    const migrated = await this.attempt(async () => {
      await applyMigrations(
        report,
        {
          target: "local",
          ...(this.persistTo ? { persistTo: this.persistTo } : {}),
          signal: this.stopping.signal,
          interactive: false,
          // Requests wait in the proxy while the database changes under the Worker (released by the
          // reload, or by `release` when the migration failed): the old Worker never meets the new
          // tables, nor the new Worker the old ones, and the migration meets few readers.
          beforeApply: async () => this.server?.hold(),
        },
        this.log,
      );
      store.write(report.schema.fingerprint);
      return true;
    });
    return migrated === true;
  }

  /** Runs `work`; a failure is printed (and kept for the error page) rather than ending the session. */
  private async attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (this.stopped) return undefined;
      this.lastError =
        error instanceof CliError
          ? formatCliError(error, this.cwd)
          : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      this.log.error(this.lastError);
      return undefined;
    }
  }
}
