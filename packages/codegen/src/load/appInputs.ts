import { resolve } from "node:path";
import type { Metafile } from "esbuild";

/**
 * The app's own files among a bundle's inputs (absolute, sorted): what watch mode must watch. Packages
 * (`node_modules`), stubs (`namespace:path`) and the CLI's generated entry files are left out.
 *
 * @example
 * appInputs(result.metafile, "/app", ["/app/node_modules/.cache/appflare/config.entry.ts"]);
 */
export function appInputs(metafile: Metafile, root: string, exclude: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const input of Object.keys(metafile.inputs)) {
    if (input.includes("node_modules") || /^[\w-]+:/.test(input)) continue;
    const file = resolve(root, input);
    if (!exclude.includes(file)) out.push(file);
  }
  return out.sort();
}
