import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * `require(specifier)` resolved from the app first (its own version of a tool wins), then from this
 * package's dependencies — for CommonJS tools such as typescript.
 *
 * @example
 * const ts = requireFromApp<typeof import("typescript")>("/app", "typescript");
 */
export function requireFromApp<T>(root: string, specifier: string): T {
  const own = createRequire(import.meta.url);
  let resolved: string;
  try {
    resolved = createRequire(join(root, "package.json")).resolve(specifier);
  } catch {
    resolved = own.resolve(specifier);
  }
  return own(resolved) as T;
}
