import { execFileSync } from "node:child_process";
import { join } from "node:path";

const repoRoot = join(__dirname, "..", "..", "..", "..");
const biome = join(repoRoot, "node_modules", ".bin", "biome");

/**
 * Formats `source` with the repository's Biome config, as if it were a file named `fileName`:
 * generated output must come back unchanged.
 */
export function biomeFormat(source: string, fileName: string): string {
  return execFileSync(biome, ["format", `--stdin-file-path=${fileName}`], {
    input: source,
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "ignore"],
  });
}
