import type { ColumnModel, TableModel } from "@appflare/schema";
import { describeValue, isPlainObject } from "@appflare/schema/internal";
import { decodeValue, type TsRow } from "../codec";
import type { DbRuntime } from "../DbRuntime";
import { ident, join, param, raw, type Sql, sql } from "../sql";
import { compileWhere } from "../where/compileWhere";
import { columnOf } from "../where/modelLookup";
import { refusePrivateField } from "../where/refusePrivateField";
import { columnRef } from "../where/sqlText";
import { invalidQuery } from "../where/toInvalidQuery";
import { whereClause } from "./compileLevel";
import { compileWithinBudget } from "./compileWithinBudget";
import { aggregateColumns } from "./planAggregates";
import { planLevel } from "./planLevel";
import { readArgs, readCount } from "./readArgs";
import { recordRelationFilterReads } from "./recordReads";
import { resolveTable } from "./resolveTable";

const GROUP_BY_ARGS = ["by", "where", "_count", "_sum", "_avg", "_min", "_max", "orderBy", "limit", "offset"];
const AGGREGATES = ["_sum", "_avg", "_min", "_max"] as const;
type Aggregate = (typeof AGGREGATES)[number];
const SQL_FN: Record<Aggregate | "_count", string> = {
  _count: "count",
  _sum: "sum",
  _avg: "avg",
  _min: "min",
  _max: "max",
};

interface Term {
  readonly expression: Sql;
  readonly direction: "asc" | "desc";
}

/**
 * `ctx.db.<table>.groupBy(args)`: one row per distinct combination of the `by` columns among the rows
 * matching `where`, with aggregates computed in SQL:
 * `{ ...byValues, _count: n | { field: n }, _sum: { f }, _avg: { f }, _min: { f }, _max: { f } }`.
 * `_count: true` counts rows, `_count: { field: true }` non-NULL values. `orderBy` takes
 * `{ column, direction? }` (a `by` column) or `{ aggregate: "_count" | "_sum" | …, field?, direction? }`,
 * or an array of them; groups are otherwise ordered by the `by` columns, which also break ties.
 * `limit` defaults to the default limit and may not exceed the maximum.
 *
 * @example
 * await groupBy(runtime, "tasks", { by: ["projectId"], where: { done: false }, _count: true,
 *   _sum: { estimateHours: true }, orderBy: { aggregate: "_count", direction: "desc" }, limit: 10 });
 * // [{ projectId: "p1", _count: 7, _sum: { estimateHours: 12.5 } }, …]
 */
export async function groupBy(runtime: DbRuntime, tableName: string, args?: unknown): Promise<TsRow[]> {
  const table = resolveTable(runtime.model, tableName);
  const label = `groupBy on table "${table.name}"`;
  const given = readArgs(args, label, GROUP_BY_ARGS);
  const by = readBy(table, given.get("by"), label);
  const countAll = given.get("_count") === true;
  const countFields =
    given.get("_count") === true || given.get("_count") === undefined || given.get("_count") === false
      ? []
      : aggregateColumns(table, given.get("_count"), "_count", label, false);
  const picked = Object.fromEntries(
    AGGREGATES.map((name) => [
      name,
      aggregateColumns(table, given.get(name), name, label, name === "_sum" || name === "_avg"),
    ]),
  ) as Record<Aggregate, ColumnModel[]>;
  const limit = given.has("limit")
    ? readCount(given.get("limit"), "limit", label, runtime.limits.maxLimit)
    : runtime.limits.defaultLimit;
  const offset = given.has("offset") ? readCount(given.get("offset"), "offset", label) : 0;
  const level = planLevel(table, new Map([...given].filter(([key]) => key === "where")), {
    limits: runtime.limits,
    label,
    depth: 0,
    defaultLimit: limit,
    hidden: [],
  });

  const { statement, scope } = compileWithinBudget(runtime.model, label, (scope) => {
    const alias = scope.alias();
    const items: Sql[] = by.map((column, i) => sql`${columnRef(alias, column)} AS ${ident(`g${i}`)}`);
    if (countAll) items.push(sql`count(*) AS "n"`);
    countFields.forEach((column, i) => {
      items.push(sql`count(${columnRef(alias, column)}) AS ${ident(`_count${i}`)}`);
    });
    for (const name of AGGREGATES) {
      picked[name].forEach((column, i) => {
        items.push(sql`${raw(SQL_FN[name])}(${columnRef(alias, column)}) AS ${ident(`${name}${i}`)}`);
      });
    }
    const terms = readOrderBy(table, alias, by, given.get("orderBy"), label);
    const conditions = level.where === undefined ? [] : [compileWhere(scope, table, alias, level.where)];
    const order = join(
      terms.map((t) => sql`${t.expression} ${raw(t.direction === "desc" ? "DESC" : "ASC")}`),
    );
    return sql`SELECT ${join(items)} FROM ${ident(table.sqlName)} AS ${ident(alias)}${whereClause(conditions)} GROUP BY ${join(by.map((c) => columnRef(alias, c)))} ORDER BY ${order} LIMIT ${param(limit)} OFFSET ${param(offset)}`;
  });
  runtime.reads.push({ table: table.name, where: level.where ?? null });
  recordRelationFilterReads(runtime.reads, scope.relationTables);
  if (limit === 0) return [];
  const rows = await runtime.executor.all(statement);
  return rows.map((row) => {
    const out: TsRow = {};
    by.forEach((column, i) => {
      out[column.name] = decodeValue(column, row[`g${i}`]);
    });
    if (countAll) out._count = Number(row.n ?? 0);
    if (countFields.length > 0) {
      out._count = Object.fromEntries(countFields.map((c, i) => [c.name, Number(row[`_count${i}`] ?? 0)]));
    }
    for (const name of AGGREGATES) {
      if (picked[name].length === 0) continue;
      out[name] = Object.fromEntries(
        picked[name].map((c, i) => {
          const value = row[`${name}${i}`] ?? null;
          const decoded =
            name === "_min" || name === "_max"
              ? decodeValue(c, value)
              : value === null
                ? null
                : Number(value);
          return [c.name, decoded];
        }),
      );
    }
    return out;
  });
}

function readBy(table: TableModel, value: unknown, label: string): ColumnModel[] {
  const names = typeof value === "string" ? [value] : value;
  if (!Array.isArray(names) || names.length === 0) {
    invalidQuery(
      `by of ${label} must be a column name or a non-empty array of them, got ${describeValue(value)}`,
    );
  }
  const known = Object.keys(table.columns);
  return names.map((name: unknown) => {
    if (typeof name !== "string" || !Object.hasOwn(table.columns, name)) {
      if (typeof name === "string") refusePrivateField(table, name, `by of ${label}`);
      invalidQuery(
        `by of ${label}: ${describeValue(name)} is not a column of table "${table.name}"`,
        `Columns: ${known.join(", ")}.`,
      );
    }
    return columnOf(table, name);
  });
}

function readOrderBy(
  table: TableModel,
  alias: string,
  by: readonly ColumnModel[],
  value: unknown,
  label: string,
): Term[] {
  const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const terms = items.map((item: unknown) => readTerm(table, alias, by, item, label));
  for (const column of by) terms.push({ expression: columnRef(alias, column), direction: "asc" });
  return terms;
}

function readTerm(
  table: TableModel,
  alias: string,
  by: readonly ColumnModel[],
  item: unknown,
  label: string,
): Term {
  const shape =
    'Expected { column, direction? } or { aggregate: "_count" | "_sum" | "_avg" | "_min" | "_max", field?, direction? }.';
  if (!isPlainObject(item))
    invalidQuery(`An orderBy term of ${label} must be an object, got ${describeValue(item)}`, shape);
  const given = readArgs(item, `orderBy of ${label}`, ["column", "aggregate", "field", "direction"]);
  const direction = given.get("direction") ?? "asc";
  if (direction !== "asc" && direction !== "desc") {
    invalidQuery(`orderBy direction of ${label} must be "asc" or "desc", got ${describeValue(direction)}`);
  }
  if (given.has("column")) {
    const name = given.get("column");
    const column = by.find((c) => c.name === name);
    if (column === undefined) {
      if (typeof name === "string") refusePrivateField(table, name, `orderBy of ${label}`);
      invalidQuery(
        `orderBy column ${describeValue(name)} of ${label} is not one of the by columns`,
        `Order groups by ${by.map((c) => c.name).join(", ")}, or by an aggregate.`,
      );
    }
    return { expression: columnRef(alias, column), direction };
  }
  const raw0 = given.get("aggregate");
  const name = typeof raw0 === "string" ? (raw0.startsWith("_") ? raw0 : `_${raw0}`) : undefined;
  if (name === undefined || !Object.hasOwn(SQL_FN, name))
    invalidQuery(`orderBy of ${label} needs a column or an aggregate`, shape);
  const fn = SQL_FN[name as keyof typeof SQL_FN];
  if (!given.has("field")) {
    if (name !== "_count") invalidQuery(`orderBy { aggregate: "${name}" } of ${label} needs a field`, shape);
    return { expression: raw("count(*)"), direction };
  }
  const numeric = name === "_sum" || name === "_avg";
  const [column] = aggregateColumns(
    table,
    { [String(given.get("field"))]: true },
    `orderBy ${name}`,
    label,
    numeric,
  );
  return { expression: sql`${raw(fn)}(${columnRef(alias, column!)})`, direction };
}
