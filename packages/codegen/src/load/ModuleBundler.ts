import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type BuildContext, context } from "esbuild";
import { appflareResolvePlugin } from "./appflareResolvePlugin";
import { appInputs } from "./appInputs";
import { nodeBundleOptions } from "./esbuildOptions";
import type { VendorBundles } from "./VendorBundles";

/** One bundled probe: the file Node imports and the app files it was built from (for watching). */
export interface BundleResult {
  /** Absolute path of the `.mjs` written. */
  readonly file: string;
  /** Absolute paths of every input outside `node_modules` (the app's own files). */
  readonly inputs: readonly string[];
}

/**
 * Bundles a small generated entry module (which imports the app's config or schema) with esbuild so
 * Node can run it: TypeScript compiled, `cloudflare:*` stubbed, packages external, `@appflare/*` from
 * their vendor bundles. Each entry keeps an incremental esbuild context, so a rebuild only re-reads the
 * files that changed.
 *
 * @example
 * const bundler = new ModuleBundler("/app", "/app/node_modules/.cache/appflare", vendors);
 * const { file } = await bundler.bundle("config", 'export { default } from "/app/appflare.config.ts";');
 * await bundler.dispose();
 */
export class ModuleBundler {
  private readonly contexts = new Map<string, BuildContext<{ metafile: true }>>();

  constructor(
    private readonly root: string,
    private readonly cacheDir: string,
    private readonly vendors: VendorBundles,
  ) {}

  /** Writes `source` as the entry `name`, bundles it and returns the output. Throws esbuild's failure. */
  async bundle(name: string, source: string): Promise<BundleResult> {
    mkdirSync(this.cacheDir, { recursive: true });
    const entry = join(this.cacheDir, `${name}.entry.ts`);
    const outfile = join(this.cacheDir, `${name}.mjs`);
    writeFileSync(entry, source);
    let ctx = this.contexts.get(name);
    if (!ctx) {
      ctx = await context({
        ...nodeBundleOptions,
        entryPoints: [entry],
        outfile,
        write: true,
        absWorkingDir: this.root,
        metafile: true,
        packages: "external",
        plugins: [appflareResolvePlugin({ mode: "user", vendorUrl: (s) => this.vendors.url(s) })],
      });
      this.contexts.set(name, ctx);
    }
    const result = await ctx.rebuild();
    await this.vendors.ready();
    return { file: outfile, inputs: appInputs(result.metafile, this.root, [entry]) };
  }

  /** Stops every esbuild context. */
  async dispose(): Promise<void> {
    await Promise.all([...this.contexts.values()].map((ctx) => ctx.dispose()));
    this.contexts.clear();
  }
}
