import type { TableModel } from "../model";
import type { WhereRow } from "./compileWhere";
import { evaluateWhere } from "./evaluateWhere";
import { RelationDataNeededError } from "./RelationDataNeededError";

/**
 * Whether SQL would return `row` for this where (`evaluateWhere(...) === true`), or
 * `"needs-relation-data"` when that depends on a relation the row does not carry — the realtime
 * matcher treats that as a possible match and re-runs the query.
 *
 * @example
 * matchesWhere(tasks, { done: false }, { id: 1, done: false }); // true
 * matchesWhere(tasks, { project: { name: "Site" } }, { id: 1, projectId: "p" }); // "needs-relation-data"
 */
export function matchesWhere(
  table: TableModel,
  where: unknown,
  row: WhereRow,
): boolean | "needs-relation-data" {
  try {
    return evaluateWhere(table, where, row) === true;
  } catch (error) {
    if (error instanceof RelationDataNeededError) return "needs-relation-data";
    throw error;
  }
}
