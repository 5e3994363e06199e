import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Folder of `pkg` as Node would find it from `fromDir`, or `undefined`. */
export function lookupPackageDir(fromDir: string, pkg: string): string | undefined {
  // `require.resolve.paths` lists the node_modules folders Node would search; checking for the
  // package.json there works even for packages whose `exports` hide `./package.json` (drizzle-kit).
  const paths = createRequire(join(fromDir, "noop.js")).resolve.paths(pkg) ?? [];
  for (const base of paths) {
    const manifest = join(base, pkg, "package.json");
    if (existsSync(manifest)) return realpathSync(dirname(manifest));
  }
  return undefined;
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
