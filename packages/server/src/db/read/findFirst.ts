import type { TsRow } from "../codec";
import type { DbRuntime } from "../DbRuntime";
import { planLevel } from "./planLevel";
import { readArgs } from "./readArgs";
import { resolveTable } from "./resolveTable";
import { runLevel } from "./runLevel";

const FIND_FIRST_ARGS = ["where", "with", "orderBy", "offset", "columns"];

/**
 * `ctx.db.<table>.findFirst(args)`: the first row `findMany` would return (`LIMIT 1`), or `null`.
 * Same arguments as `findMany` without `limit`.
 *
 * @example
 * const task = await findFirst(runtime, "tasks", { where: { id: 7 }, with: { project: true } });
 * if (task === null) throw new Error("no such task");
 */
export async function findFirst(
  runtime: DbRuntime,
  tableName: string,
  args?: unknown,
): Promise<TsRow | null> {
  const table = resolveTable(runtime.model, tableName);
  const label = `findFirst on table "${table.name}"`;
  const level = planLevel(table, readArgs(args, label, FIND_FIRST_ARGS), {
    limits: runtime.limits,
    label,
    depth: 0,
    defaultLimit: 1,
    hidden: [],
  });
  runtime.reads.push({ table: table.name, where: level.where ?? null });
  const { rows } = await runLevel(runtime, level, label);
  return rows[0] ?? null;
}
