import { dirname, relative } from "node:path";

const EXTENSION = /\.(?:tsx?|jsx?)$/;

/**
 * The specifier a generated file in `fromDir` uses to import the module at `file`: relative,
 * `/`-separated, without a `.ts`/`.tsx`/`.js` extension (resolved by TypeScript's `Bundler`
 * resolution and by wrangler's esbuild alike).
 *
 * @example
 * importSpecifier("/app/_generated", "/app/src/blog/posts.ts"); // "../src/blog/posts"
 */
export function importSpecifier(fromDir: string, file: string): string {
  let rel = relative(fromDir, file).replaceAll("\\", "/").replace(EXTENSION, "");
  if (!rel.startsWith(".")) rel = `./${rel}`;
  return rel;
}

/** Same as {@link importSpecifier} but from the file `fromFile`'s folder. */
export function importSpecifierFromFile(fromFile: string, file: string): string {
  return importSpecifier(dirname(fromFile), file);
}
