#!/usr/bin/env node
// The `appflare` CLI runs from @appflare/codegen's dist/cli.js. On a fresh clone, build just that file
// (esbuild through tsup, about a second) instead of every package with its .d.ts: the dev path reads
// the workspace packages' sources and needs no declarations.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const codegen = join(import.meta.dirname, "../node_modules/@appflare/codegen");
if (!existsSync(join(codegen, "dist/cli.js"))) {
  const tsup = ["exec", "tsup", "src/cli.ts", "--no-config", "--format", "esm", "--target", "node20"];
  const built = spawnSync("pnpm", [...tsup, "--platform", "node", "--sourcemap"], {
    cwd: codegen,
    stdio: "inherit",
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
