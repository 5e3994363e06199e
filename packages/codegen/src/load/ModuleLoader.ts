import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ProbeHost, type ProbeHostOptions } from "../probe/ProbeHost";
import type { ProbeModule } from "../probe/renderProbeEntry";
import { ModuleBundler } from "./ModuleBundler";
import { ModuleSetBundler } from "./ModuleSetBundler";
import { createSessionDir } from "./sessionDir";
import { VendorBundles } from "./VendorBundles";

/** A probe's result and the app files it read. */
export interface LoadResult<T> {
  readonly value: T;
  readonly inputs: readonly string[];
}

/**
 * Bundles the CLI's probes (esbuild, incremental) and runs them in the loader thread. One instance
 * serves a whole `build` or `dev` session: the esbuild contexts, the framework's vendor bundles and the
 * warm thread are all reused, and its scratch folder is removed by {@link ModuleLoader.close}.
 *
 * @example
 * const loader = new ModuleLoader("/app", "/app/node_modules/.cache/appflare");
 * const { value } = await loader.run("config", configProbeEntry(file, name));
 * await loader.close();
 */
export class ModuleLoader {
  private readonly dir: string;
  private readonly vendors: VendorBundles;
  private readonly bundler: ModuleBundler;
  private readonly moduleSet: ModuleSetBundler;
  private readonly host: ProbeHost;
  /** Inputs of the last successful bundle of each probe, even when running it then failed. */
  private readonly lastInputs = new Map<string, readonly string[]>();

  constructor(root: string, cacheDir: string, hostOptions: ProbeHostOptions = {}) {
    this.host = new ProbeHost(hostOptions);
    this.dir = createSessionDir(cacheDir);
    this.vendors = new VendorBundles(root, this.dir);
    this.bundler = new ModuleBundler(root, this.dir, this.vendors);
    this.moduleSet = new ModuleSetBundler(root, join(this.dir, "handlers"), this.vendors);
  }

  /**
   * Bundles `source` as entry `name`, runs its `probe(input)` and returns the result with its inputs.
   * `input` reaches the probe through the thread's message channel, never the bundle on disk.
   */
  async run<T>(name: string, source: string, input?: unknown): Promise<LoadResult<T>> {
    const bundle = await this.bundler.bundle(name, source);
    this.lastInputs.set(name, bundle.inputs);
    const value = await this.runFile<T>(bundle.file, input);
    return { value, inputs: bundle.inputs };
  }

  /**
   * Bundles handler modules one entry each (see {@link ModuleSetBundler}), then runs the plain module
   * `render(urls, serverUrl)` returns — it imports each module by its versioned URL, and the tool-only
   * `@appflare/server/internal` entry (`collectHandlers`) from `serverUrl`.
   */
  async runModules<T>(
    name: string,
    modules: readonly ProbeModule[],
    render: (urls: ReadonlyMap<string, string>, serverUrl: string) => string,
  ): Promise<LoadResult<T>> {
    const set = await this.moduleSet.bundle(modules);
    this.lastInputs.set(name, set.inputs);
    const serverUrl = this.vendors.url("@appflare/server/internal");
    await this.vendors.ready();
    const file = join(this.dir, `${name}.probe.mjs`);
    writeFileSync(file, render(set.urls, serverUrl));
    const value = await this.runFile<T>(file);
    return { value, inputs: set.inputs };
  }

  /** Files the probe `name` read the last time it bundled (for watching after a failed run). */
  inputsOf(name: string): readonly string[] {
    return this.lastInputs.get(name) ?? [];
  }

  async close(): Promise<void> {
    await Promise.all([this.bundler.dispose(), this.moduleSet.dispose(), this.host.close()]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async runFile<T>(file: string, input?: unknown): Promise<T> {
    try {
      return await this.host.run<T>(file, input);
    } catch (error) {
      // Node caches a module whose evaluation threw: start the next run in a fresh thread.
      await this.host.close();
      throw error;
    }
  }
}
