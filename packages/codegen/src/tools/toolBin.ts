import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "../errors/CliError";
import { findPackageDir } from "./findPackageDir";

/**
 * Absolute path of a package's bin script (`wrangler` → `wrangler/bin/wrangler.js`), from the app's
 * install first so its own pinned version runs. Run it with `process.execPath`: no shell, no PATH lookup.
 *
 * @example
 * toolBin("/app", "wrangler", "wrangler"); // "/app/node_modules/wrangler/bin/wrangler.js"
 */
export function toolBin(root: string, pkg: string, bin: string): string {
  const dir = findPackageDir(root, pkg);
  if (!dir) throw new CliError(`${pkg} is not installed: npm install --save-dev ${pkg}`);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const rel = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[bin];
  if (!rel) throw new CliError(`${pkg} has no "${bin}" executable`);
  return join(dir, rel);
}
