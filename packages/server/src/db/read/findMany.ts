import type { TsRow } from "../codec";
import type { DbRuntime } from "../DbRuntime";
import { planLevel } from "./planLevel";
import { readArgs } from "./readArgs";
import { resolveTable } from "./resolveTable";
import { runLevel } from "./runLevel";

const FIND_MANY_ARGS = ["where", "with", "orderBy", "limit", "offset", "columns"];

/**
 * `ctx.db.<table>.findMany(args)`: the rows matching `where`, with `with` relations and aggregates
 * loaded in the same statement (one D1 round trip). Without `orderBy` rows come in primary-key
 * order; the primary key also breaks ties of any `orderBy`. `limit` defaults to
 * `runtime.limits.defaultLimit` and may not exceed `maxLimit` (use `iterate` for more).
 * Invalid arguments throw `InvalidQueryError` (400 `invalid_query`) naming the field.
 * Records `{ table, where }` (plus the reads of relation filters and `with` loads) in `runtime.reads`.
 *
 * @example
 * const projects = await findMany(runtime, "projects", {
 *   where: { status: "active" },
 *   with: { tasks: { where: { done: false }, limit: 5, _count: true } },
 *   orderBy: { column: "createdAt", direction: "desc" },
 *   limit: 20,
 * });
 */
export async function findMany(runtime: DbRuntime, tableName: string, args?: unknown): Promise<TsRow[]> {
  const table = resolveTable(runtime.model, tableName);
  const label = `findMany on table "${table.name}"`;
  const level = planLevel(table, readArgs(args, label, FIND_MANY_ARGS), {
    limits: runtime.limits,
    label,
    depth: 0,
    defaultLimit: runtime.limits.defaultLimit,
    hidden: [],
  });
  runtime.reads.push({ table: table.name, where: level.where ?? null });
  return (await runLevel(runtime, level, label)).rows;
}
