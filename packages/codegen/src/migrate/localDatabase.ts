import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CliError } from "../errors/CliError";
import type { LocalDatabase } from "./ScratchDatabase";

interface D1Entry {
  binding: string;
  database_id?: string;
  preview_database_id?: string;
  migrations_table?: string;
}

/**
 * The D1 database `binding` as wrangler resolves it locally from the generated `wrangler.json`, in
 * `stateDir` (wrangler's `--persist-to`; `.wrangler/state` beside the file by default).
 *
 * @example
 * localDatabase("/app/wrangler.json", "DB"); // { binding: "DB", id: "local", stateDir: "/app/.wrangler/state", migrationsTable: "d1_migrations" }
 */
export function localDatabase(
  wranglerFile: string,
  binding: string,
  stateDir: string = join(dirname(wranglerFile), ".wrangler", "state"),
): LocalDatabase {
  if (!existsSync(wranglerFile))
    throw new CliError("wrangler.json is missing: run `appflare build`", { file: wranglerFile });
  const config = JSON.parse(readFileSync(wranglerFile, "utf8")) as { d1_databases?: D1Entry[] };
  const entry = config.d1_databases?.find((d) => d.binding === binding);
  if (!entry)
    throw new CliError(`wrangler.json has no D1 database bound as ${binding}`, { file: wranglerFile });
  return {
    binding,
    id: entry.preview_database_id ?? entry.database_id ?? entry.binding,
    stateDir,
    migrationsTable: entry.migrations_table ?? "d1_migrations",
  };
}
