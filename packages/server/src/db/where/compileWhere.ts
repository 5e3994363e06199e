import type {
  NormalizedGeoWithin,
  NormalizedJsonOperators,
  NormalizedOperators,
  NormalizedWhere,
  TableModel,
} from "@appflare/schema";
import { type Sql, sql } from "../sql";
import { compileGeoWithin } from "./compileGeoWithin";
import { compileJsonCondition } from "./compileJsonCondition";
import { andAll, compileOperators, orAll } from "./compileOperators";
import { compileRelationFilter } from "./compileRelationFilter";
import { columnRef, group, parsableJson } from "./sqlText";
import type { SqlScope } from "./WhereScope";

/**
 * Compiles a NORMALIZED where (the output of `normalizeWhere` from @appflare/schema, which also
 * validated it) into a boolean SQL expression over the table at `alias`. The expression is
 * three-valued exactly like `evaluateWhere`: TRUE where the evaluator says `true`, FALSE for
 * `false`, NULL for `null` (UNKNOWN) — a differential test holds the two to the same answers.
 * Identifiers come only from the model and are quoted; every value is a bound parameter.
 *
 * @example
 * const where = normalizeWhere(tasks, { done: false, title: { contains: "50%" } });
 * compileWhere(createSqlScope(model), tasks, "t0", where);
 * // (("t0"."done" = ?) AND (instr("t0"."title", ?) > 0))
 */
export function compileWhere(scope: SqlScope, table: TableModel, alias: string, where: NormalizedWhere): Sql {
  const parts: Sql[] = [];
  for (const key of Object.keys(where)) {
    const value = where[key];
    if (key === "and") {
      parts.push(andAll((value as NormalizedWhere[]).map((w) => compileWhere(scope, table, alias, w))));
    } else if (key === "or") {
      parts.push(orAll((value as NormalizedWhere[]).map((w) => compileWhere(scope, table, alias, w))));
    } else if (key === "not") {
      // SQL NOT is three-valued like the evaluator's: NOT UNKNOWN is UNKNOWN.
      parts.push(sql`NOT ${group(compileWhere(scope, table, alias, value as NormalizedWhere))}`);
    } else if (key === "geoWithin") {
      parts.push(compileGeoWithin(table, alias, value as NormalizedGeoWithin));
    } else if (Object.hasOwn(table.columns, key)) {
      const column = table.columns[key]!;
      const subject = columnRef(alias, column);
      parts.push(
        column.type === "json" || column.type === "enumArray"
          ? compileJsonCondition(scope, parsableJson(subject), value as NormalizedJsonOperators)
          : compileOperators(scope, subject, value as NormalizedOperators, false),
      );
    } else if (Object.hasOwn(table.relations, key)) {
      parts.push(
        compileRelationFilter(
          scope,
          table,
          alias,
          table.relations[key]!,
          value as NormalizedWhere,
          (t, a, w) => compileWhere(scope, t, a, w),
        ),
      );
    } else {
      // normalizeWhere refuses unknown keys; reaching this means the where was not normalized.
      throw new Error(
        `compileWhere: "${key}" is not a field of table "${table.name}"; normalize the where first.`,
      );
    }
  }
  return andAll(parts);
}
