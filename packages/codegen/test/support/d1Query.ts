import { spawnSync } from "node:child_process";
import { toolBin } from "../../src/tools/toolBin";

/**
 * Rows of a query against the app's local D1, through wrangler like a user would (in `persistTo`, a
 * wrangler `--persist-to` folder relative to `dir`, when given).
 */
export function d1Query<T>(dir: string, sql: string, persistTo?: string): T[] {
  const result = spawnSync(
    process.execPath,
    [
      toolBin(dir, "wrangler", "wrangler"),
      ...["d1", "execute", "DB", "--local", "--json", "--command", sql],
      ...(persistTo === undefined ? [] : ["--persist-to", persistTo]),
    ],
    {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, CI: "1", NO_COLOR: "1" }, // wrangler starts a local runtime per query: slow when every engine on the machine is busy.
      timeout: 300_000,
    },
  );
  if (result.status !== 0) throw new Error(`wrangler d1 execute failed:\n${result.stdout}\n${result.stderr}`);
  return (JSON.parse(result.stdout) as { results: T[] }[])[0]?.results ?? [];
}
