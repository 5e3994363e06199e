#!/usr/bin/env node
// `pnpm bench [name]`: runs bench/<name>/run.mjs (every benchmark when no name is given).
// Each benchmark prints its table and writes bench/results/<name>.json.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "run.mjs")))
  .map((d) => d.name)
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Available: ${all.join(", ") || "(none)"}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n== bench ${name}`);
  const r = spawnSync(process.execPath, [join(root, name, "run.mjs")], {
    stdio: "inherit",
    cwd: join(root, name),
  });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
