import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { CliError } from "../errors/CliError";
import { appflareResolvePlugin } from "./appflareResolvePlugin";
import { nodeBundleOptions } from "./esbuildOptions";

/**
 * One bundle per `@appflare/*` specifier the app's code imports, built once per session: every probe
 * imports the framework from here, so it is neither re-bundled on each change nor loaded twice, and its
 * TypeScript sources (workspace `development` condition) and `cloudflare:*` imports never reach Node.
 *
 * @example
 * const vendors = new VendorBundles("/app", "/app/node_modules/.cache/appflare");
 * const url = vendors.url("@appflare/server"); // starts building it
 * await vendors.ready();
 */
export class VendorBundles {
  private readonly builds = new Map<string, Promise<void>>();

  constructor(
    private readonly root: string,
    private readonly cacheDir: string,
  ) {}

  /** File URL of the bundle of `specifier`; the first call starts building it. */
  url(specifier: string): string {
    const file = join(this.cacheDir, "vendor", `${specifier.replace(/[^\w.-]+/g, "+")}.mjs`);
    if (!this.builds.has(specifier)) {
      const done = this.build(specifier, file);
      // Failures surface from ready(); avoid an unhandled rejection meanwhile.
      done.catch(() => {});
      this.builds.set(specifier, done);
    }
    return pathToFileURL(file).href;
  }

  /** Waits for every requested bundle, including those requested while others were building. */
  async ready(): Promise<void> {
    let count = -1;
    while (count !== this.builds.size) {
      count = this.builds.size;
      await Promise.all(this.builds.values());
    }
  }

  private async build(specifier: string, outfile: string): Promise<void> {
    try {
      await build({
        ...nodeBundleOptions,
        stdin: {
          contents: `export * from ${JSON.stringify(specifier)};`,
          resolveDir: this.root,
          loader: "js",
        },
        outfile,
        write: true,
        absWorkingDir: this.root,
        plugins: [appflareResolvePlugin({ mode: "vendor", self: specifier, vendorUrl: (s) => this.url(s) })],
      });
    } catch (error) {
      const text = (error as { errors?: { text: string }[] }).errors?.[0]?.text ?? String(error);
      throw new CliError(
        `Cannot load ${specifier} from ${this.root}: ${text}. Is it installed (npm install ${specifier})?`,
      );
    }
  }
}
