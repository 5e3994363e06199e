import { relative } from "node:path";

/**
 * `file` relative to the app root, `/`-separated and starting with `./` or `../`: the form wrangler.json
 * and drizzle-kit (which resolve against the app folder) want.
 *
 * @example
 * fromRoot("/app", "/app/_generated/worker.ts"); // "./_generated/worker.ts"
 */
export function fromRoot(root: string, file: string): string {
  const rel = relative(root, file).replaceAll("\\", "/");
  // `.wrangler/…` starts with a dot yet is inside the root: only `..` means outside.
  return rel === ".." || rel.startsWith("../") ? rel : `./${rel}`;
}
