import type { SchemaModel } from "@appflare/schema";
import { MAX_BOUND_PARAMS, type Sql } from "../sql";
import { invalidQuery } from "../where/toInvalidQuery";
import { createSqlScope, type SqlScope } from "../where/WhereScope";

/**
 * Compiles one statement within D1's 100 bound parameters. It first binds list items one by one
 * (`x IN (?, ?, …)`, the best plan for short lists); if the statement needs more than 100
 * parameters it compiles again with every list as ONE JSON parameter (`x IN (SELECT value FROM
 * json_each(?))`). A statement that still needs more (over 100 separate conditions) is refused with
 * a 400 that says so, rather than failing in D1.
 *
 * @example
 * const { statement, scope } = compileWithinBudget(model, 'findMany on table "tasks"', (scope) =>
 *   compileTopLevel(scope, plan, scope.alias()),
 * );
 */
export function compileWithinBudget(
  model: SchemaModel,
  label: string,
  build: (scope: SqlScope) => Sql,
): { statement: Sql; scope: SqlScope } {
  let scope = createSqlScope(model, "inline");
  let statement = build(scope);
  if (statement.params.length <= MAX_BOUND_PARAMS) return { statement, scope };
  scope = createSqlScope(model, "json");
  statement = build(scope);
  if (statement.params.length > MAX_BOUND_PARAMS) {
    invalidQuery(
      `${label} needs ${statement.params.length} bound parameters, over D1's limit of ${MAX_BOUND_PARAMS} per statement`,
      "Use fewer separate conditions: put alternatives for one field in an in: [...] list, or split the read.",
    );
  }
  return { statement, scope };
}
