import {
  isJsonOperator,
  type NormalizedJsonOperators,
  type NormalizedOperators,
  type NormalizedScalar,
  unhandledOperator,
} from "@appflare/schema";
import { ident, join, param, type Sql, sql } from "../sql";
import { andAll, compileOperators } from "./compileOperators";
import { encodeOperand, encodeOperandList } from "./encodeOperand";
import { FALSE_SQL, modelLiteral, TRUE_SQL } from "./sqlText";
import type { SqlScope } from "./WhereScope";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A condition on a JSON column (`json`, `enumArray`), following the evaluator's table for JSON
 * columns: a NULL column makes every array operator UNKNOWN; a non-array JSON value counts as `[]`
 * (guarded with `json_type(x) = 'array'`, because `json_each` would iterate an object's members);
 * `includes: []` is TRUE and `includesAny: []` FALSE even for NULL; element fields together mean
 * "some object element satisfies all of them".
 *
 * @example
 * compileJsonCondition(scope, sql`t0."tags"`, { includesAny: ["a", "b"] });
 * // CASE WHEN t0."tags" IS NULL THEN NULL WHEN json_type(t0."tags") = 'array'
 * //   THEN EXISTS (SELECT 1 FROM json_each(t0."tags") AS "t1" WHERE "t1".value IN (?, ?)) ELSE 0 END
 */
export function compileJsonCondition(scope: SqlScope, subject: Sql, condition: NormalizedJsonOperators): Sql {
  const parts: Sql[] = [];
  const elementFields: Array<[string, NormalizedOperators]> = [];
  for (const key of Object.keys(condition)) {
    const value = condition[key];
    if (!isJsonOperator(key)) {
      elementFields.push([key, value as NormalizedOperators]);
      continue;
    }
    switch (key) {
      case "eq":
        parts.push(sql`${subject} IS NULL`);
        break;
      case "ne":
        parts.push(sql`${subject} IS NOT NULL`);
        break;
      case "exists":
        parts.push(value === true ? sql`${subject} IS NOT NULL` : sql`${subject} IS NULL`);
        break;
      case "length":
        // json_array_length is NULL for NULL and 0 for a non-array: exactly the evaluator's rule.
        parts.push(
          compileOperators(scope, sql`json_array_length(${subject})`, value as NormalizedOperators, false),
        );
        break;
      case "includes":
        parts.push(includesAll(scope, subject, value as readonly NormalizedScalar[]));
        break;
      case "includesAny":
        parts.push(includesAny(scope, subject, value as readonly NormalizedScalar[]));
        break;
      default:
        unhandledOperator(key);
    }
  }
  if (elementFields.length > 0) parts.push(someElement(scope, subject, elementFields));
  return andAll(parts);
}

/** NULL → UNKNOWN, non-array → FALSE, array → `test`. */
function overArray(subject: Sql, test: Sql): Sql {
  return sql`CASE WHEN ${subject} IS NULL THEN NULL WHEN json_type(${subject}) = 'array' THEN ${test} ELSE 0 END`;
}

function includesAll(scope: SqlScope, subject: Sql, values: readonly NormalizedScalar[]): Sql {
  if (values.length === 0) return TRUE_SQL;
  if (scope.listMode === "json") {
    const wanted = scope.alias();
    const element = scope.alias();
    return overArray(
      subject,
      sql`NOT EXISTS (SELECT 1 FROM json_each(${param(encodeOperandList(values))}) AS ${ident(wanted)} WHERE NOT EXISTS (SELECT 1 FROM json_each(${subject}) AS ${ident(element)} WHERE ${ident(element)}.value = ${ident(wanted)}.value))`,
    );
  }
  const tests = values.map((value) => {
    const element = scope.alias();
    return sql`EXISTS (SELECT 1 FROM json_each(${subject}) AS ${ident(element)} WHERE ${ident(element)}.value = ${param(encodeOperand(value))})`;
  });
  return overArray(subject, join(tests, " AND "));
}

function includesAny(scope: SqlScope, subject: Sql, values: readonly NormalizedScalar[]): Sql {
  if (values.length === 0) return FALSE_SQL;
  const element = scope.alias();
  const list =
    scope.listMode === "json"
      ? sql`(SELECT value FROM json_each(${param(encodeOperandList(values))}))`
      : sql`(${join(values.map((v) => param(encodeOperand(v))))})`;
  return overArray(
    subject,
    sql`EXISTS (SELECT 1 FROM json_each(${subject}) AS ${ident(element)} WHERE ${ident(element)}.value IN ${list})`,
  );
}

function someElement(
  scope: SqlScope,
  subject: Sql,
  fields: ReadonlyArray<[string, NormalizedOperators]>,
): Sql {
  const element = scope.alias();
  const value = sql`${ident(element)}.value`;
  const tests = fields.map(([field, operators]) =>
    compileOperators(scope, elementField(scope, value, field), operators, true),
  );
  return overArray(
    subject,
    sql`EXISTS (SELECT 1 FROM json_each(${subject}) AS ${ident(element)} WHERE ${ident(element)}.type = 'object' AND ${andAll(tests)})`,
  );
}

/** The SQL value of `field` in a JSON object element (NULL when missing), as `json_extract` reads it. */
function elementField(scope: SqlScope, value: Sql, field: string): Sql {
  if (IDENTIFIER.test(field)) return sql`json_extract(${value}, ${modelLiteral(`$.${field}`)})`;
  if (!field.includes('"')) return sql`json_extract(${value}, ${modelLiteral(`$."${field}"`)})`;
  // A JSON path cannot quote `"`; look the member up by key instead.
  const member = ident(scope.alias());
  return sql`(SELECT ${member}.value FROM json_each(${value}) AS ${member} WHERE ${member}.key = ${modelLiteral(field)})`;
}
