import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BuildContext, context } from "esbuild";
import type { ProbeModule } from "../probe/renderProbeEntry";
import { appflareResolvePlugin } from "./appflareResolvePlugin";
import { appInputs } from "./appInputs";
import { nodeBundleOptions } from "./esbuildOptions";
import type { VendorBundles } from "./VendorBundles";

/** Bundled handler modules: a versioned URL per module key, and the app files they were built from. */
export interface ModuleSetResult {
  /** Module key → `file:` URL with a content hash (`?h=`), so Node re-evaluates only changed modules. */
  readonly urls: ReadonlyMap<string, string>;
  readonly inputs: readonly string[];
}

/**
 * Bundles the handler modules as separate entry points with code splitting (shared code such as
 * `<outDir>/handlers.ts` goes into content-hashed chunks) and returns one URL per module carrying its
 * content hash. The loader thread caches modules by URL, so after a one-file change only that module
 * (and any chunk whose content changed) is evaluated again: regeneration cost follows the change, not
 * the size of the app. Files are written only when their content changed.
 *
 * @example
 * const set = new ModuleSetBundler("/app", "/app/node_modules/.cache/appflare/handlers", vendors);
 * const { urls } = await set.bundle([{ key: "tasks", file: "/app/src/tasks.ts" }]);
 */
export class ModuleSetBundler {
  private ctx: BuildContext<{ metafile: true; write: false }> | undefined;
  private signature = "";
  /** Output path → content hash of what is on disk. */
  private written = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly outDir: string,
    private readonly vendors: VendorBundles,
  ) {}

  async bundle(modules: readonly ProbeModule[]): Promise<ModuleSetResult> {
    const entryPoints = Object.fromEntries(modules.map((m) => [`m/${m.key}`, m.file]));
    const signature = JSON.stringify(entryPoints);
    if (!this.ctx || signature !== this.signature) {
      // The entry list is fixed per esbuild context: a module added or removed needs a new one.
      await this.ctx?.dispose();
      this.signature = signature;
      this.ctx = await context({
        ...nodeBundleOptions,
        entryPoints,
        outdir: this.outDir,
        outExtension: { ".js": ".mjs" },
        chunkNames: "c/[name]-[hash]",
        splitting: true,
        write: false,
        absWorkingDir: this.root,
        metafile: true,
        packages: "external",
        plugins: [appflareResolvePlugin({ mode: "user", vendorUrl: (s) => this.vendors.url(s) })],
      });
    }
    const result = await this.ctx.rebuild();
    await this.vendors.ready();
    const next = new Map<string, string>();
    for (const file of result.outputFiles) {
      next.set(file.path, file.hash);
      if (this.written.get(file.path) === file.hash) continue;
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.contents);
    }
    for (const path of this.written.keys()) if (!next.has(path)) rmSync(path, { force: true });
    this.written = next;
    const urls = new Map<string, string>();
    for (const m of modules) {
      const path = join(this.outDir, "m", `${m.key}.mjs`);
      urls.set(m.key, `${pathToFileURL(path).href}?h=${next.get(path) ?? "0"}`);
    }
    return { urls, inputs: appInputs(result.metafile, this.root) };
  }

  async dispose(): Promise<void> {
    await this.ctx?.dispose();
    this.ctx = undefined;
  }
}
