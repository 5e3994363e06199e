#!/usr/bin/env node
// What `pnpm dev` needs built on a fresh clone, and only that, as JavaScript (esbuild through tsup, a
// second or two each) instead of every package with its .d.ts: the `appflare` CLI (codegen's
// dist/cli.js) and @appflare/dashboard (it has no `development` export condition: its views are
// compiled with its own JSX settings). Every other package is read from its TypeScript sources.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const modules = join(import.meta.dirname, "../node_modules/@appflare");
const builds = [
  { dir: "codegen", output: "dist/cli.js", args: ["src/cli.ts", "--platform", "node", "--target", "node20"] },
  {
    dir: "dashboard",
    output: "dist/index.js",
    args: ["src/index.ts", "--target", "es2022", "--external", "cloudflare:workers"],
  },
];
for (const { dir, output, args } of builds) {
  const cwd = join(modules, dir);
  if (existsSync(join(cwd, output))) continue;
  const tsup = ["exec", "tsup", ...args, "--no-config", "--format", "esm", "--sourcemap"];
  const built = spawnSync("pnpm", tsup, { cwd, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
