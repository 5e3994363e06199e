import { type NormalizedWhere, normalizeWhere, type TableModel } from "@appflare/schema";
import { InvalidQueryError } from "../../errors/AppflareError";
import { ident, MAX_BOUND_PARAMS, raw, type Sql, sql } from "../sql";
import { compileWhere } from "../where/compileWhere";
import { toInvalidQuery } from "../where/toInvalidQuery";
import { createSqlScope } from "../where/WhereScope";

/** The rows an update or delete targets. */
export interface TargetArgs {
  readonly where?: unknown;
  readonly limit?: number;
  readonly allowAll?: boolean;
}

/**
 * The target rows of an update/delete as a condition over the table aliased `alias`: the where, and
 * with `limit` the first `limit` matching rows in rowid (insertion) order — D1 has no `UPDATE … LIMIT`,
 * so it is `rowid IN (SELECT rowid … LIMIT n)`. Every statement of the write repeats this condition,
 * and they all run in one transaction, so they all see the same rows.
 */
export interface Target {
  readonly alias: string;
  readonly condition: Sql;
  /** The where as `normalizeWhere` returned it. */
  readonly where: NormalizedWhere;
}

/**
 * Validates and compiles the target of `operation`. A missing or empty where (one with no condition
 * at all) is refused unless `allowAll: true`: a `where: {}` built from missing input must not rewrite
 * or wipe the table.
 */
export function compileTarget(table: TableModel, args: TargetArgs, operation: "update" | "delete"): Target {
  const where = args.where === undefined ? {} : args.where;
  const normalized = toInvalidQuery(() => normalizeWhere(table, where));
  if (args.allowAll !== undefined && typeof args.allowAll !== "boolean") {
    throw new InvalidQueryError(`${operation} on "${table.name}": allowAll must be true or false`);
  }
  if (isUnfiltered(table, normalized) && args.allowAll !== true) {
    throw new InvalidQueryError(
      `${operation} on "${table.name}" has no where condition, so it would ${operation} every row. ` +
        `Pass a where (e.g. { where: { ${table.primaryKey}: … } }), or allowAll: true to ${operation} every row`,
    );
  }
  let scope = createSqlScope(table.schema, "inline");
  let alias = scope.alias();
  let condition = compileWhere(scope, table, alias, normalized);
  // Long in-lists go as one JSON parameter when inline ones would crowd D1's 100-parameter cap.
  if (condition.params.length > MAX_BOUND_PARAMS / 2) {
    scope = createSqlScope(table.schema, "json");
    alias = scope.alias();
    condition = compileWhere(scope, table, alias, normalized);
  }
  if (args.limit === undefined) return { alias, condition, where: normalized };
  if (!Number.isSafeInteger(args.limit) || args.limit < 1) {
    throw new InvalidQueryError(
      `${operation} on "${table.name}": limit must be a positive integer, got ${String(args.limit)}`,
    );
  }
  const limited = sql`${ident(alias)}.rowid IN (SELECT ${ident(alias)}.rowid FROM ${ident(table.sqlName)} AS ${ident(alias)} WHERE ${condition} ORDER BY ${ident(alias)}.rowid LIMIT ${raw(String(args.limit))})`;
  return { alias, condition: limited, where: normalized };
}

/** `FROM "table" AS "alias"` (SELECT) or the qualified table of UPDATE / DELETE. */
export function aliased(table: TableModel, target: Target): Sql {
  return sql`${ident(table.sqlName)} AS ${ident(target.alias)}`;
}

/**
 * A where that matches every row by its form alone: `{}`, `and` of such, an `or` with such a branch,
 * `not` of a where matching nothing, a field whose operators filter nothing (`{}`, `nin: []`). Such a
 * where usually comes from missing input, so it needs `allowAll` like no where at all.
 */
function isUnfiltered(table: TableModel, where: NormalizedWhere): boolean {
  return constantTruth(table, where) === true;
}

/** `true`/`false` when `where` matches every/no row whatever the data, `undefined` otherwise. */
function constantTruth(table: TableModel, where: NormalizedWhere): boolean | undefined {
  let result: boolean | undefined = true;
  for (const [key, value] of Object.entries(where)) {
    let part: boolean | undefined;
    if (key === "and") part = all((value as NormalizedWhere[]).map((w) => constantTruth(table, w)));
    else if (key === "or") part = any((value as NormalizedWhere[]).map((w) => constantTruth(table, w)));
    else if (key === "not") {
      const inner = constantTruth(table, value as NormalizedWhere);
      part = inner === undefined ? undefined : !inner;
    } else if (Object.hasOwn(table.columns, key)) part = operatorsTruth(value as Record<string, unknown>);
    else part = undefined;
    result = all([result, part]);
  }
  return result;
}

function operatorsTruth(operators: Record<string, unknown>): boolean | undefined {
  const keys = Object.keys(operators);
  if (keys.length === 0) return true;
  if (keys.length === 1 && Array.isArray(operators.nin) && operators.nin.length === 0) return true;
  if (Array.isArray(operators.in) && operators.in.length === 0) return false;
  return undefined;
}

function all(parts: readonly (boolean | undefined)[]): boolean | undefined {
  if (parts.includes(false)) return false;
  return parts.every((p) => p === true) ? true : undefined;
}

function any(parts: readonly (boolean | undefined)[]): boolean | undefined {
  if (parts.includes(true)) return true;
  return parts.every((p) => p === false) ? false : undefined;
}

/**
 * `true` when `where` (over `table`) filters through the junction table `junction`, at any depth:
 * changing that junction's rows in the same write would change which rows the where matches.
 */
export function whereReadsJunction(table: TableModel, where: NormalizedWhere, junction: string): boolean {
  return Object.entries(where).some(([key, value]) => {
    if (key === "and" || key === "or") {
      return (value as NormalizedWhere[]).some((w) => whereReadsJunction(table, w, junction));
    }
    if (key === "not") return whereReadsJunction(table, value as NormalizedWhere, junction);
    const relation = Object.hasOwn(table.relations, key) ? table.relations[key] : undefined;
    if (relation === undefined) return false;
    if (relation.junction?.table === junction) return true;
    return whereReadsJunction(table.schema.tables[relation.target]!, value as NormalizedWhere, junction);
  });
}
