import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { fixturesRoot, tmpRoot } from "./paths";

/**
 * Copies `test/fixtures/<name>` to a fresh folder under `test/.tmp` and returns it. The copy lives
 * inside this package, so `@appflare/*`, zod and drizzle-orm resolve from its node_modules.
 */
export function copyFixture(name: string): string {
  mkdirSync(tmpRoot, { recursive: true });
  const dir = mkdtempSync(join(tmpRoot, `${name}-`));
  cpSync(join(fixturesRoot, name), dir, { recursive: true });
  return dir;
}
