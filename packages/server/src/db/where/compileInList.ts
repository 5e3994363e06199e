import type { NormalizedScalar } from "@appflare/schema";
import { join, param, type Sql, sql } from "../sql";
import { encodeOperand, encodeOperandList } from "./encodeOperand";
import { FALSE_SQL, TRUE_SQL } from "./sqlText";
import type { SqlScope } from "./WhereScope";

/**
 * `x IN (…)` / `x NOT IN (…)` with the evaluator's rules: `in: []` is FALSE and `nin: []` TRUE even
 * for a NULL `x` (the list never contains NULL, so a NULL `x` is otherwise UNKNOWN, as in SQL).
 * Inline lists bind one parameter per item; in `json` mode the list is one JSON parameter.
 *
 * @example
 * compileInList(scope, sql`t0."status"`, ["a", "b"], false); // t0."status" IN (?, ?)
 */
export function compileInList(
  scope: SqlScope,
  subject: Sql,
  values: readonly NormalizedScalar[],
  negated: boolean,
): Sql {
  if (values.length === 0) return negated ? TRUE_SQL : FALSE_SQL;
  const list =
    scope.listMode === "json"
      ? sql`(SELECT value FROM json_each(${param(encodeOperandList(values))}))`
      : sql`(${join(values.map((v) => param(encodeOperand(v))))})`;
  return negated ? sql`${subject} NOT IN ${list}` : sql`${subject} IN ${list}`;
}
