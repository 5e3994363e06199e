import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes `content` to `file` only when it differs from what is there, and says whether it wrote.
 * Unchanged files keep their mtime, so wrangler's watcher, editors and `git status` see no churn
 * when a regeneration produced the same output.
 *
 * @example
 * if (writeIfChanged("/app/_generated/api.ts", source)) console.log("wrote api.ts");
 */
export function writeIfChanged(file: string, content: string): boolean {
  let current: string | undefined;
  try {
    current = readFileSync(file, "utf8");
  } catch {
    current = undefined;
  }
  if (current === content) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return true;
}
