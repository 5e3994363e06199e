import type { SchemaModel } from "@appflare/schema";
import type { Sql } from "../sql";
import { compileTopLevel } from "./compileLevel";
import { compileWithinBudget } from "./compileWithinBudget";
import type { LevelPlan } from "./ReadPlan";

/**
 * The single SELECT of a planned read, within the bound-parameter budget, and the tables its
 * relation filters reached.
 *
 * @example
 * const { statement } = compileLevelStatement(model, plan, 'findMany on table "tasks"');
 */
export function compileLevelStatement(
  model: SchemaModel,
  level: LevelPlan,
  label: string,
  extraWhere?: (alias: string) => Sql,
): { statement: Sql; relationTables: ReadonlySet<string> } {
  const { statement, scope } = compileWithinBudget(model, label, (scope) => {
    const alias = scope.alias();
    return compileTopLevel(scope, level, alias, extraWhere?.(alias));
  });
  return { statement, relationTables: scope.relationTables };
}
