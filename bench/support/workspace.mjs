// Where the benchmarks find the repo and the tools it pins.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const fromExample = createRequire(join(root, "apps/example/package.json"));

/**
 * The repo root and `require` functions resolving from the workspace's installs: wrangler (and its
 * esbuild and Miniflare) from the example app, drizzle-kit / drizzle-orm / Better Auth from the server
 * package, esbuild / typescript from the codegen package. Nothing is installed for the benchmarks.
 */
export const workspace = {
  root,
  fromExample,
  fromWrangler: createRequire(fromExample.resolve("wrangler")),
  fromServer: createRequire(join(root, "packages/server/package.json")),
  fromCodegen: createRequire(join(root, "packages/codegen/package.json")),
};
