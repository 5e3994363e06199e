import { relative, sep } from "node:path";

/**
 * `true` when `file` is `dir` or inside it.
 *
 * @example
 * isInside("/app/src", "/app/src/tasks.ts"); // true
 * isInside("/app/src", "/app/srcx/a.ts"); // false
 */
export function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !/^(?:[A-Za-z]:|[\\/])/.test(rel));
}
