import { normalizeWhere, type SchemaModel, type TableModel, validateOrderBy } from "@appflare/schema";
import { ident, param, raw, type Sql, sql } from "../sql";
import { compileWhere } from "../where/compileWhere";
import { toInvalidQuery } from "../where/toInvalidQuery";
import type { SqlScope } from "../where/WhereScope";
import { orderTerms, whereClause } from "./compileLevel";
import { compileWithinBudget } from "./compileWithinBudget";
import { resolveTable } from "./resolveTable";

export interface SelectWhereOptions {
  /** `LIMIT n` (no limit when absent). */
  readonly limit?: number;
  /** `orderBy` in the read syntax (`{ column, direction? }` or an array); validated. */
  readonly orderBy?: unknown;
}

/**
 * `SELECT "t0".* FROM <table> AS "t0" WHERE <where> [ORDER BY …] [LIMIT n]` for the write side's
 * before-images: rows keyed by SQL column name, ready for `decodeRow`. `where` is validated and
 * normalized (a bad one throws the 400 `InvalidQueryError`); `undefined` selects every row.
 * Fits D1's 100 bound parameters (lists fall back to one JSON parameter).
 *
 * @example
 * const before = selectWhereSql(model, "tasks", { projectId: "p1", done: false }, { limit: 10 });
 * const rows = (await executor.all(before)).map((r) => decodeRow(model.tables.tasks!, r));
 */
export function selectWhereSql(
  model: SchemaModel,
  tableName: string,
  where: unknown,
  options: SelectWhereOptions = {},
): Sql {
  const table = resolveTable(model, tableName);
  const normalized = where === undefined ? undefined : toInvalidQuery(() => normalizeWhere(table, where));
  const orderBy = toInvalidQuery(() => validateOrderBy(table, options.orderBy));
  return compileWithinBudget(model, `read of table "${table.name}"`, (scope) => {
    const alias = scope.alias();
    const conditions = normalized === undefined ? [] : [compileWhere(scope, table, alias, normalized)];
    const order = orderBy.length > 0 ? sql` ORDER BY ${orderTerms(table, alias, orderBy)}` : raw("");
    const limit = options.limit === undefined ? raw("") : sql` LIMIT ${param(options.limit)}`;
    return sql`SELECT ${ident(alias)}.* FROM ${ident(table.sqlName)} AS ${ident(alias)}${whereClause(conditions)}${order}${limit}`;
  }).statement;
}

/**
 * The boolean SQL of a where over `table AS alias`, for statements the write side builds itself
 * (`UPDATE … WHERE`, `DELETE … WHERE`). Returns the scope too, so callers can see which related
 * tables relation filters read. Validates and normalizes like every read.
 *
 * @example
 * const { condition } = whereSql(createSqlScope(model), model.tables.tasks!, "t0", { done: true });
 * // UPDATE "tasks" AS "t0" SET … WHERE ${condition}
 */
export function whereSql(
  scope: SqlScope,
  table: TableModel,
  alias: string,
  where: unknown,
): { condition: Sql } {
  const normalized = toInvalidQuery(() => normalizeWhere(table, where));
  return { condition: compileWhere(scope, table, alias, normalized) };
}
