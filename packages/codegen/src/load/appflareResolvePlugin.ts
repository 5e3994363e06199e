import { builtinModules } from "node:module";
import { pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { cloudflareStubSource } from "./cloudflareStub";

const SOURCE_FILE = /\.(?:[cm]?tsx?)$/;
const BUILTINS = new Set(builtinModules);
const STUB_NAMESPACE = "appflare-cloudflare-stub";
/** Marks the plugin's own `build.resolve` calls so they fall through to esbuild's resolver. */
const RESOLVING = "appflare-resolving";

/** Options of {@link appflareResolvePlugin}. */
export interface ResolvePluginOptions {
  /**
   * `user`: app code — packages stay external (esbuild's `packages: "external"`), so this plugin only
   * sees `cloudflare:*` and `@appflare/*` imports and costs nothing per ordinary import.
   * `vendor`: one `@appflare/*` package bundled on its own — its other imports are resolved from the
   * package's own folder (pnpm's strict layout) and kept external by absolute URL.
   */
  readonly mode: "user" | "vendor";
  /** In vendor mode, the `@appflare/*` specifier being bundled (bundled, not redirected). */
  readonly self?: string;
  /** File URL of the vendor bundle for an `@appflare/*` specifier (built on demand by the caller). */
  readonly vendorUrl: (specifier: string) => string;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/**
 * Resolution rules while the CLI bundles code to run it in Node:
 * - `cloudflare:*` → a small stub (those modules exist only inside workerd);
 * - `@appflare/*` → its vendor bundle, built once per session: the framework is neither re-bundled on
 *   every change nor loaded twice, and its TypeScript sources (workspace `development` condition) and
 *   `cloudflare:*` imports never reach Node;
 * - in vendor mode, any other package → resolved from the importing package's folder and imported by
 *   Node from that absolute file (a package that resolves to TypeScript source is bundled instead).
 */
export function appflareResolvePlugin(options: ResolvePluginOptions): Plugin {
  return {
    name: "appflare-resolve",
    setup(build) {
      build.onResolve({ filter: /^cloudflare:/ }, (args) => ({ path: args.path, namespace: STUB_NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: STUB_NAMESPACE }, () => ({
        contents: cloudflareStubSource,
        loader: "js",
      }));
      build.onResolve({ filter: /^@appflare\// }, (args) => {
        if (args.pluginData === RESOLVING || args.path === options.self) return undefined;
        return { path: options.vendorUrl(args.path), external: true };
      });
      if (options.mode !== "vendor") return;
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING || /^[A-Za-z]:[\\/]/.test(args.path)) return undefined;
        if (args.path.startsWith("node:") || BUILTINS.has(packageName(args.path))) {
          return { path: args.path, external: true };
        }
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: RESOLVING,
        });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        if (SOURCE_FILE.test(resolved.path))
          return { path: resolved.path, sideEffects: resolved.sideEffects };
        return { path: pathToFileURL(resolved.path).href, external: true };
      });
    },
  };
}
