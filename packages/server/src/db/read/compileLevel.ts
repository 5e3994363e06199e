import type { ColumnModel, OrderByItem, TableModel } from "@appflare/schema";
import { ident, join, param, raw, type Sql, sql } from "../sql";
import { compileWhere } from "../where/compileWhere";
import { columnOf, tableOf } from "../where/modelLookup";
import { columnRef, modelLiteral } from "../where/sqlText";
import type { SqlScope } from "../where/WhereScope";
import { jsonReal, jsonValue } from "./jsonValue";
import { type AggregatePlan, type LevelPlan, type RelationPlan, selectedColumns } from "./ReadPlan";

/** Result column / JSON key of the i-th selected column, relation and aggregate of a level. */
export const columnKey = (i: number): string => `c${i}`;
export const relationKey = (i: number): string => `r${i}`;
export const aggregateKey = (i: number): string => `a${i}`;

/**
 * The SELECT of a top-level read: the level's columns as `c0, c1, …`, each `with` relation as one
 * correlated JSON sub-select `r0, …` (rows) / `a0, …` (aggregates), so a read with nested `with` and
 * aggregates is ONE statement — one D1 round trip. `extraWhere` adds a condition over `alias`
 * (keyset pagination).
 *
 * @example
 * const scope = createSqlScope(model);
 * compileTopLevel(scope, plan, scope.alias());
 * // SELECT "t0"."id" AS "c0", … (SELECT json_group_array(…) …) AS "r0" FROM "projects" AS "t0" … LIMIT ? OFFSET ?
 */
export function compileTopLevel(scope: SqlScope, level: LevelPlan, alias: string, extraWhere?: Sql): Sql {
  const items: Sql[] = selectedColumns(level).map(
    (column, i) => sql`${columnRef(alias, column)} AS ${ident(columnKey(i))}`,
  );
  level.relations.forEach((plan, i) => {
    if (plan.rows !== undefined)
      items.push(sql`${relationRows(scope, level.table, alias, plan)} AS ${ident(relationKey(i))}`);
    if (plan.aggregates !== undefined) {
      items.push(sql`${relationAggregates(scope, level.table, alias, plan)} AS ${ident(aggregateKey(i))}`);
    }
  });
  const conditions: Sql[] = [];
  if (level.where !== undefined) conditions.push(compileWhere(scope, level.table, alias, level.where));
  if (extraWhere !== undefined) conditions.push(extraWhere);
  const select = items.length > 0 ? join(items) : raw('1 AS "_"');
  return sql`SELECT ${select} FROM ${ident(level.table.sqlName)} AS ${ident(alias)}${whereClause(conditions)} ORDER BY ${orderTerms(level.table, alias, level.orderBy)} LIMIT ${param(level.limit)} OFFSET ${param(level.offset)}`;
}

/**
 * `json_object('c0', …, 'r0', …, 'a0', …)` of one row of a nested level at `alias`. Relation
 * sub-selects embed as they are: a scalar sub-select keeps the JSON subtype of its
 * `json_object`/`json_group_array` result, so it nests without being re-parsed by `json(…)`.
 */
function rowObject(scope: SqlScope, level: LevelPlan, alias: string): Sql {
  const entries: Sql[] = selectedColumns(level).map(
    (column, i) => sql`${modelLiteral(columnKey(i))}, ${jsonValue(column, columnRef(alias, column))}`,
  );
  level.relations.forEach((plan, i) => {
    if (plan.rows !== undefined) {
      entries.push(sql`${modelLiteral(relationKey(i))}, ${relationRows(scope, level.table, alias, plan)}`);
    }
    if (plan.aggregates !== undefined) {
      entries.push(
        sql`${modelLiteral(aggregateKey(i))}, ${relationAggregates(scope, level.table, alias, plan)}`,
      );
    }
  });
  return sql`json_object(${join(entries)})`;
}

/** FROM + join condition of a relation's target rows, correlated with the parent at `parentAlias`. */
function relationSource(
  scope: SqlScope,
  parent: TableModel,
  parentAlias: string,
  plan: RelationPlan,
  alias: string,
) {
  const { relation, target } = plan;
  const parentKey = columnRef(parentAlias, columnOf(parent, relation.sourceField));
  const targetKey = columnRef(alias, columnOf(target, relation.targetField));
  const from = sql`${ident(target.sqlName)} AS ${ident(alias)}`;
  if (relation.kind !== "manyToMany") return { from, link: sql`${targetKey} = ${parentKey}` };
  const junction = tableOf(scope, relation.junction!.table);
  const link = ident(scope.alias());
  const junctionColumn = (field: string) => sql`${link}.${ident(columnOf(junction, field).sqlName)}`;
  return {
    from: sql`${ident(junction.sqlName)} AS ${link} JOIN ${from} ON ${targetKey} = ${junctionColumn(relation.junction!.targetField)}`,
    link: sql`${junctionColumn(relation.junction!.sourceField)} = ${parentKey}`,
  };
}

/**
 * The rows of a `with` relation as JSON: an object (or NULL) for `one`, an array for many/manyToMany.
 * For arrays, an inner SELECT filters, orders and limits the target rows (`t.*`), and the outer
 * `json_group_array(json_object(…) ORDER BY …)` builds the objects from them: the objects are made
 * where they are aggregated (a JSON value passed through a FROM sub-select would lose its JSON subtype
 * and need re-parsing), and the aggregate's own ORDER BY fixes the array order.
 */
function relationRows(scope: SqlScope, parent: TableModel, parentAlias: string, plan: RelationPlan): Sql {
  const level = plan.rows!;
  const alias = scope.alias();
  const { from, link } = relationSource(scope, parent, parentAlias, plan, alias);
  const conditions = [link];
  if (level.where !== undefined) conditions.push(compileWhere(scope, level.table, alias, level.where));
  if (plan.relation.kind === "one") {
    return sql`(SELECT ${rowObject(scope, level, alias)} FROM ${from}${whereClause(conditions)} LIMIT 1)`;
  }
  const inner = sql`SELECT ${ident(alias)}.* FROM ${from}${whereClause(conditions)} ORDER BY ${orderTerms(level.table, alias, level.orderBy)} LIMIT ${param(level.limit)} OFFSET ${param(level.offset)}`;
  const rows = scope.alias();
  return sql`(SELECT json_group_array(${rowObject(scope, level, rows)} ORDER BY ${orderTerms(level.table, rows, level.orderBy)}) FROM (${inner}) AS ${ident(rows)})`;
}

/** `{ count, avg: { f }, sum: { f }, min: { f }, max: { f } }` of a relation, computed in SQL. */
function relationAggregates(
  scope: SqlScope,
  parent: TableModel,
  parentAlias: string,
  plan: RelationPlan,
): Sql {
  const aggregates = plan.aggregates!;
  const alias = scope.alias();
  const { from, link } = relationSource(scope, parent, parentAlias, plan, alias);
  const conditions = [link];
  if (plan.where !== undefined) conditions.push(compileWhere(scope, plan.target, alias, plan.where));
  return sql`(SELECT ${aggregateObject(aggregates, alias)} FROM ${from}${whereClause(conditions)})`;
}

/** The JSON object of an aggregate plan over the rows at `alias`. */
export function aggregateObject(aggregates: AggregatePlan, alias: string): Sql {
  const entries: Sql[] = [];
  if (aggregates.count) entries.push(sql`'count', count(*)`);
  const group = (
    name: string,
    columns: readonly ColumnModel[],
    fn: string,
    encode: (c: ColumnModel, v: Sql) => Sql,
  ) => {
    if (columns.length === 0) return;
    const fields = columns.map(
      (c) => sql`${modelLiteral(c.name)}, ${encode(c, sql`${raw(fn)}(${columnRef(alias, c)})`)}`,
    );
    entries.push(sql`${modelLiteral(name)}, json_object(${join(fields)})`);
  };
  group("avg", aggregates.avg, "avg", (_c, v) => jsonReal(v));
  group("sum", aggregates.sum, "sum", (c, v) => (c.type === "real" ? jsonReal(v) : v));
  group("min", aggregates.min, "min", jsonValue);
  group("max", aggregates.max, "max", jsonValue);
  return sql`json_object(${join(entries)})`;
}

/** ` WHERE a AND b`, or nothing. */
export function whereClause(conditions: readonly Sql[]): Sql {
  return conditions.length === 0 ? raw("") : sql` WHERE ${join(conditions, " AND ")}`;
}

/** `t0."a" ASC, t0."id" ASC` */
export function orderTerms(table: TableModel, alias: string, terms: readonly OrderByItem[]): Sql {
  return join(terms.map((term) => sql`${columnRef(alias, columnOf(table, term.column))} ${direction(term)}`));
}

function direction(term: OrderByItem): Sql {
  return raw(term.direction === "desc" ? "DESC" : "ASC");
}
