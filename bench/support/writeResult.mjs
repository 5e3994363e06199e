import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { workspace } from "./workspace.mjs";

/** Writes `result` as bench/results/<name>.json (git-ignored) and answers that path, relative to the repo. */
export function writeResult(name, result) {
  const file = join("bench", "results", `${name}.json`);
  mkdirSync(join(workspace.root, "bench", "results"), { recursive: true });
  writeFileSync(join(workspace.root, file), `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
