import type { ColumnModel, TableModel } from "@appflare/schema";
import { describeValue } from "@appflare/schema/internal";
import { decodeValue } from "../codec";
import type { DbRuntime } from "../DbRuntime";
import { ident, raw, type Sql, sql } from "../sql";
import { compileWhere } from "../where/compileWhere";
import { invalidQuery } from "../where/toInvalidQuery";
import { whereClause } from "./compileLevel";
import { compileWithinBudget } from "./compileWithinBudget";
import { planLevel } from "./planLevel";
import { readArgs } from "./readArgs";
import { recordRelationFilterReads } from "./recordReads";
import { resolveFieldPath } from "./resolveFieldPath";
import { resolveTable } from "./resolveTable";

/** The table aggregates of `ctx.db.<table>`. */
export type AggregateFunction = "count" | "sum" | "avg" | "min" | "max";

const NUMERIC = (c: ColumnModel) => c.type === "int" || c.type === "real";
const SCALAR = (c: ColumnModel) => c.type !== "json" && c.type !== "enumArray";
const ANY = () => true;

/**
 * One aggregate over the rows matching `where`, computed in SQL in one statement:
 * - `count({ where?, field?, distinct?, with? })` → number (`field`: non-NULL values; `distinct`:
 *   distinct values; `with` is accepted for appflare 0.2 compatibility and does not change the count);
 * - `sum` / `avg({ field, where?, distinct? })` → number or null (no rows / only NULLs);
 * - `min` / `max({ field, where?, distinct? })` → the column's type (a Date for dates) or null.
 * `field` may be a `relation.column` path through `one` relations (LEFT JOINed).
 * Records `{ table, where }`, plus table-level reads of joined and relation-filter tables.
 *
 * @example
 * const open = await aggregate(runtime, "tasks", "count", { where: { done: false } });
 * const budget = await aggregate(runtime, "tasks", "sum", { field: "project.budget" });
 */
export async function aggregate(
  runtime: DbRuntime,
  tableName: string,
  fn: AggregateFunction,
  args?: unknown,
): Promise<unknown> {
  const table = resolveTable(runtime.model, tableName);
  const label = `${fn} on table "${table.name}"`;
  const given = readArgs(
    args,
    label,
    fn === "count" ? ["where", "field", "distinct", "with"] : ["where", "field", "distinct"],
  );
  if (fn !== "count" && !given.has("field")) {
    invalidQuery(
      `${label} needs a field`,
      `e.g. ${fn}({ field: "${firstColumn(table, fn === "min" || fn === "max" ? SCALAR : NUMERIC)}" }).`,
    );
  }
  const distinct = given.get("distinct") ?? false;
  if (typeof distinct !== "boolean")
    invalidQuery(`distinct of ${label} must be true or false, got ${describeValue(distinct)}`);
  if (distinct && !given.has("field"))
    invalidQuery(`distinct of ${label} needs a field to count distinct values of`);
  // Validates where (and with, for count) exactly like findMany does.
  const level = planLevel(table, new Map([...given].filter(([key]) => key === "where" || key === "with")), {
    limits: runtime.limits,
    label,
    depth: 0,
    defaultLimit: 0,
    hidden: [],
  });
  let column: ColumnModel | undefined;
  let joinedTables: readonly string[] = [];
  const { statement, scope } = compileWithinBudget(runtime.model, label, (scope) => {
    const alias = scope.alias();
    let expression: Sql = raw("*");
    let joins: Sql = raw("");
    if (given.has("field")) {
      const accept = fn === "count" ? ANY : fn === "min" || fn === "max" ? SCALAR : NUMERIC;
      const kinds = fn === "count" ? "" : fn === "min" || fn === "max" ? "non-JSON" : "numeric (int or real)";
      const path = resolveFieldPath(scope, table, alias, given.get("field"), label, accept, kinds);
      ({ column, joinedTables } = path);
      expression = distinct ? sql`DISTINCT ${path.expression}` : path.expression;
      joins = path.joins;
    }
    const conditions = level.where === undefined ? [] : [compileWhere(scope, table, alias, level.where)];
    return sql`SELECT ${raw(fn)}(${expression}) AS "v" FROM ${ident(table.sqlName)} AS ${ident(alias)}${joins}${whereClause(conditions)}`;
  });
  runtime.reads.push({ table: table.name, where: level.where ?? null });
  recordRelationFilterReads(runtime.reads, [...scope.relationTables, ...joinedTables]);
  const [row] = await runtime.executor.all(statement);
  const value = row?.v ?? null;
  if (fn === "count") return typeof value === "number" ? value : Number(value ?? 0);
  if (fn === "sum" || fn === "avg") return value === null ? null : Number(value);
  return column === undefined ? value : decodeValue(column, value);
}

function firstColumn(table: TableModel, accept: (c: ColumnModel) => boolean): string {
  return Object.values(table.columns).find(accept)?.name ?? "column";
}
