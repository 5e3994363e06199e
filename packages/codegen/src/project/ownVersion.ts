import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * This package's version: `appflare init` pins the app's `@appflare/*` dependencies to it, since the
 * packages are released together (one fixed version group).
 *
 * @example
 * ownVersion(); // "0.2.0"
 */
export function ownVersion(): string {
  const require = createRequire(import.meta.url);
  const manifest = JSON.parse(readFileSync(require.resolve("@appflare/codegen/package.json"), "utf8")) as {
    version: string;
  };
  return manifest.version;
}
