import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { type DiscoveredHandlers, discoverHandlers } from "../discover/discoverHandlers";
import { findHandlerFiles } from "../discover/findHandlerFiles";
import { renderHandlersFile } from "../generate/renderHandlersFile";
import { bindingTypes } from "../generate/renderWranglerConfig";
import { loadConfig } from "../load/loadConfig";
import { type LoadedSchema, loadSchema } from "../load/loadSchema";
import { ModuleLoader } from "../load/ModuleLoader";
import type { CodegenConfig } from "../project/CodegenConfig";
import { dashboardAvailable } from "../project/dashboardAvailable";
import { isInside } from "../project/isInside";
import { cacheDirOf, type ProjectPaths, projectPaths } from "../project/ProjectPaths";
import { realtimeAvailable } from "../project/realtimeAvailable";
import { writeIfChanged } from "../write/writeIfChanged";
import type { BuildReport, BuildStep } from "./BuildReport";
import { generateFiles } from "./generateFiles";

interface Loaded {
  config: CodegenConfig;
  paths: ProjectPaths;
  configInputs: readonly string[];
  /** Realtime enabled in config and its package installed: the DO binding and export are generated. */
  realtime: boolean;
  /** Dashboard enabled in config and its package installed: the worker mounts `dashboard()`. */
  dashboard: boolean;
}

/**
 * One build session over an app: `build()` does everything in the order the generated files depend on
 * each other (config → schema → `handlers.ts` → handler discovery → `api.ts`, `tasks.ts`, `worker.ts`,
 * `client.ts`, `drizzle.schema.ts`, `wrangler.json`); `rebuild(changed)` redoes only the steps whose
 * inputs changed, which is what keeps `appflare dev` regeneration fast (any rediscovery re-renders
 * `tasks.ts`, so an added, removed or renamed scheduler export retypes `ctx.scheduler.enqueue`). Files
 * are written only when their content changed.
 *
 * @example
 * const builder = new AppflareBuilder("/app/appflare.config.ts");
 * const report = await builder.build();
 * await builder.close();
 */
export class AppflareBuilder {
  private readonly loader: ModuleLoader;
  private loaded: Loaded | undefined;
  private schema: { value: LoadedSchema; inputs: readonly string[] } | undefined;
  private handlers: { value: DiscoveredHandlers; inputs: readonly string[] } | undefined;

  constructor(readonly configFile: string) {
    const root = dirname(configFile);
    this.loader = new ModuleLoader(root, cacheDirOf(root));
  }

  /** Full build: every step, whatever was loaded before. */
  async build(): Promise<BuildReport> {
    this.loaded = undefined;
    this.schema = undefined;
    this.handlers = undefined;
    return this.run(new Set());
  }

  /**
   * Regenerates after `changed` files changed on disk. Returns `null` when none of them is an input
   * of the build (nothing to do).
   */
  async rebuild(changed: readonly string[]): Promise<BuildReport | null> {
    // The CLI's own output (generated files, cache) is never a reason to regenerate.
    const files = new Set(changed.map((f) => resolve(f)).filter((f) => !this.isInternal(f)));
    const loaded = this.loaded;
    if (!loaded || this.touches(files, [loaded.paths.configFile, ...loaded.configInputs]))
      return this.build();
    const relevant = [...files].some(
      (f) =>
        this.touches(new Set([f]), this.schema?.inputs ?? []) ||
        this.touches(new Set([f]), this.handlers?.inputs ?? []) ||
        (isInside(loaded.paths.scanDir, f) && !this.isInternal(f)),
    );
    if (!relevant && this.schema && this.handlers) return null;
    return this.run(files);
  }

  /** Files and folders whose changes matter to the next `rebuild`. */
  watchTargets(): string[] {
    const loaded = this.loaded;
    const targets = new Set<string>([this.configFile]);
    const root = dirname(this.configFile);
    const add = (list: readonly string[]) => {
      for (const f of list)
        if (isInside(root, f) && !this.isInternal(f) && !f.includes("node_modules")) targets.add(f);
    };
    add(loaded?.configInputs ?? this.loader.inputsOf("config"));
    add(this.schema?.inputs ?? this.loader.inputsOf("schema"));
    add(this.handlers?.inputs ?? this.loader.inputsOf("handlers"));
    if (!loaded) return [...targets].sort();
    targets.add(loaded.paths.schemaFile);
    // Files under scanDir are covered by watching the folder itself; listing them too would make a
    // later unwatch of one of them hide its changes inside the still-watched folder.
    const outside = [...targets].filter((f) => !isInside(loaded.paths.scanDir, f));
    return [loaded.paths.scanDir, ...outside].sort();
  }

  async close(): Promise<void> {
    await this.loader.close();
  }

  private isInternal(file: string): boolean {
    const paths = this.loaded?.paths;
    const root = dirname(this.configFile);
    return isInside(cacheDirOf(root), file) || (paths !== undefined && isInside(paths.outDir, file));
  }

  private touches(files: ReadonlySet<string>, inputs: readonly string[]): boolean {
    return inputs.some((f) => files.has(f));
  }

  private async run(changed: ReadonlySet<string>): Promise<BuildReport> {
    const started = performance.now();
    const steps: BuildStep[] = [];
    const timed = async <T>(
      name: string,
      work: () => Promise<T>,
      detail: (value: T) => string,
    ): Promise<T> => {
      const t0 = performance.now();
      const value = await work();
      steps.push({ name, detail: detail(value), ms: performance.now() - t0 });
      return value;
    };
    const written: string[] = [];
    const unchanged: string[] = [];
    const write = (file: string, content: string) =>
      (writeIfChanged(file, content) ? written : unchanged).push(file);

    if (!this.loaded) {
      const root = dirname(this.configFile);
      this.loaded = await timed(
        "config",
        async () => {
          const { value, inputs } = await loadConfig(this.loader, this.configFile, root);
          const realtime = value.realtime.enabled && realtimeAvailable(root);
          const dashboard = value.dashboard.enabled && dashboardAvailable(root);
          return {
            config: value,
            paths: projectPaths(this.configFile, value),
            configInputs: inputs,
            realtime,
            dashboard,
          };
        },
        (l) => `worker "${l.config.name}"`,
      );
    }
    const { config, paths, realtime, dashboard } = this.loaded;

    let schema = this.schema;
    const schemaReloaded = !schema || this.touches(changed, schema.inputs);
    if (!schema || schemaReloaded) {
      // Forget the old state first: if loading fails, the next rebuild retries whatever changed.
      this.schema = undefined;
      schema = await timed(
        "schema",
        // A full build also compiles the schema (a check drizzle-kit would otherwise do later); watch
        // mode skips that to keep a schema edit's regeneration fast.
        () =>
          loadSchema(
            this.loader,
            paths,
            config.schemaExport,
            changed.size === 0,
            config.auth.additionalFields,
          ),
        (s) => `${s.value.tables.length} tables`,
      );
      this.schema = schema;
    }
    const loadedSchema = schema;

    write(
      join(paths.outDir, "handlers.ts"),
      renderHandlersFile({
        outDir: paths.outDir,
        schemaFile: paths.schemaFile,
        schemaExport: config.schemaExport,
        configFile: paths.configFile,
        auth: config.auth.enabled,
        storage: config.storage !== null,
        bindings: bindingTypes(config, realtime),
      }),
    );

    let handlers = this.handlers;
    const handlerInputs = (handlers?.inputs ?? []).filter((f) => !loadedSchema.inputs.includes(f));
    const rediscover =
      !handlers ||
      this.touches(changed, handlerInputs) ||
      [...changed].some((f) => isInside(paths.scanDir, f) && !this.isInternal(f));
    if (!handlers || rediscover) {
      this.handlers = undefined;
      handlers = await timed(
        "handlers",
        async () => {
          const candidates = findHandlerFiles({
            scanDir: paths.scanDir,
            exclude: config.exclude,
            skipDirs: [paths.outDir, paths.cacheDir],
          });
          return discoverHandlers(this.loader, paths, candidates);
        },
        (h) => `${h.value.handlers.length} handlers in ${h.value.modules.length} modules`,
      );
      this.handlers = handlers;
    }

    const t0 = performance.now();
    for (const [file, content] of generateFiles(
      paths,
      config,
      loadedSchema.value,
      handlers.value,
      realtime,
      dashboard,
    ))
      write(file, content);
    steps.push({
      name: "write",
      detail: `${written.length} written, ${unchanged.length} unchanged`,
      ms: performance.now() - t0,
    });

    return {
      paths,
      config,
      schema: loadedSchema.value,
      discovered: handlers.value,
      steps,
      written,
      unchanged,
      schemaReloaded,
      totalMs: performance.now() - started,
    };
  }
}
