import { describeValue } from "@appflare/schema/internal";
import type { TsRow } from "../codec";
import type { DbRuntime } from "../DbRuntime";
import { join, param, type Sql, type SqlParam, sql } from "../sql";
import { columnRef } from "../where/sqlText";
import { invalidQuery } from "../where/toInvalidQuery";
import { columnKey } from "./compileLevel";
import { keyColumns, planLevel } from "./planLevel";
import { selectedColumns } from "./ReadPlan";
import { readArgs, readCount } from "./readArgs";
import { resolveTable } from "./resolveTable";
import { runLevel } from "./runLevel";

const ITERATE_ARGS = ["where", "with", "columns", "pageSize", "direction", "limit"];

/**
 * `ctx.db.<table>.iterate(args)`: every matching row, fetched page by page with keyset pagination on
 * the primary key (`WHERE id > <last id> ORDER BY id LIMIT pageSize`), so there is no limit ceiling
 * and no page is skipped or repeated when rows before the cursor change. Each page is one D1 round
 * trip (with its `with` loads in the same statement). `pageSize` defaults to the default limit and
 * may not exceed the maximum; `direction` is "asc" (default) or "desc"; `limit` caps the total.
 * Ordering is always by primary key, so `orderBy` and `offset` are refused.
 *
 * @example
 * for await (const task of iterate(runtime, "tasks", { where: { done: false }, pageSize: 500 })) {
 *   total += task.estimateHours ?? 0;
 * }
 */
export async function* iterate(runtime: DbRuntime, tableName: string, args?: unknown): AsyncGenerator<TsRow> {
  const table = resolveTable(runtime.model, tableName);
  const label = `iterate on table "${table.name}"`;
  const given = readArgs(args, label, ITERATE_ARGS);
  const pageSize = given.has("pageSize")
    ? readCount(given.get("pageSize"), "pageSize", label, runtime.limits.maxLimit)
    : runtime.limits.defaultLimit;
  if (pageSize === 0) invalidQuery(`pageSize of ${label} must be at least 1`);
  const requested = given.get("direction") ?? "asc";
  if (requested !== "asc" && requested !== "desc") {
    invalidQuery(`direction of ${label} must be "asc" or "desc", got ${describeValue(requested)}`);
  }
  const direction: "asc" | "desc" = requested;
  let remaining = given.has("limit")
    ? readCount(given.get("limit"), "limit", label)
    : Number.POSITIVE_INFINITY;
  const keys = keyColumns(table);
  const levelArgs = new Map(
    [...given].filter(([key]) => key === "where" || key === "with" || key === "columns"),
  );
  const base = planLevel(table, levelArgs, {
    limits: runtime.limits,
    label,
    depth: 0,
    defaultLimit: pageSize,
    hidden: keys,
  });
  const orderBy = keys.map((key) => ({ column: key.name, direction }));
  const keyIndexes = keys.map((key) => selectedColumns(base).indexOf(key));
  runtime.reads.push({ table: table.name, where: base.where ?? null });

  let cursor: SqlParam[] | undefined;
  while (remaining > 0) {
    const limit = Math.min(pageSize, remaining);
    const after = cursor;
    const page = await runLevel(
      runtime,
      { ...base, orderBy, limit },
      label,
      after === undefined ? undefined : (alias) => keysetCondition(alias, keys, after, direction),
    );
    for (const row of page.rows) yield row;
    remaining -= page.rows.length;
    const last = page.raw[page.raw.length - 1];
    if (page.rows.length < limit || last === undefined) return;
    cursor = keyIndexes.map((i) => last[columnKey(i)] as SqlParam);
  }
}

/** `key > ?` (or `(a, b) > (?, ?)` for a composite key); `<` when descending. */
function keysetCondition(
  alias: string,
  keys: ReturnType<typeof keyColumns>,
  cursor: readonly SqlParam[],
  direction: "asc" | "desc",
): Sql {
  const op = direction === "asc" ? sql`>` : sql`<`;
  if (keys.length === 1) return sql`${columnRef(alias, keys[0]!)} ${op} ${param(cursor[0] ?? null)}`;
  const left = join(keys.map((key) => columnRef(alias, key)));
  const right = join(cursor.map((value) => param(value)));
  return sql`(${left}) ${op} (${right})`;
}
