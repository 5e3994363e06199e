import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The `version` of the package installed in `dir`, read from its package.json (some, e.g. drizzle-orm, do
 * not export it). */
export function packageVersion(dir) {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
}
