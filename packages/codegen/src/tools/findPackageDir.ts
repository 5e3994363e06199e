import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Folder of `pkg` as a bundler finds it from `fromDir`: in a `node_modules` of `fromDir` or one of its
 * ancestors, or `undefined`. Node's global folders (`NODE_PATH`, `~/.node_modules`) are not searched:
 * wrangler's bundler never looks there, and pnpm's command shims put the whole store's hoisted
 * packages on `NODE_PATH`, which made packages the app never installed look installed.
 */
export function lookupPackageDir(fromDir: string, pkg: string): string | undefined {
  // Checking for the package.json works even for packages whose `exports` hide it (drizzle-kit).
  for (const base of nodeModulesChain(fromDir)) {
    const manifest = join(base, pkg, "package.json");
    if (existsSync(manifest)) return realpathSync(dirname(manifest));
  }
  return undefined;
}

function nodeModulesChain(fromDir: string): string[] {
  const chain: string[] = [];
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    if (basename(dir) !== "node_modules") chain.push(join(dir, "node_modules"));
    if (dirname(dir) === dir) return chain;
  }
}

/**
 * Folder of an installed package, looked up from the app first (its own pinned version wins), then
 * from this CLI's own dependencies.
 *
 * @example
 * findPackageDir("/app", "wrangler"); // "/app/node_modules/wrangler"
 */
export function findPackageDir(root: string, pkg: string): string | undefined {
  return lookupPackageDir(root, pkg) ?? lookupPackageDir(dirname(fileURLToPath(import.meta.url)), pkg);
}
