import type { LikeOperator, NormalizedOperators, NormalizedScalar } from "@appflare/schema";
import { join, param, raw, type Sql, sql } from "../sql";
import { compileInList } from "./compileInList";
import { compileTextMatch } from "./compileTextMatch";
import { encodeOperand } from "./encodeOperand";
import { FALSE_SQL, group, TRUE_SQL } from "./sqlText";
import type { SqlScope } from "./WhereScope";

const COMPARISONS = { eq: "=", ne: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/**
 * The operators of one scalar field (a column, a JSON element field, or a JSON array's length) as a
 * three-valued boolean expression over `subject`, AND-ed. The rules are the evaluator's
 * (`evaluateWhere` in @appflare/schema): `eq/ne: null` are IS [NOT] NULL and never UNKNOWN, any other
 * comparison with a NULL subject is UNKNOWN, `exists` is two-valued, `{}` is TRUE.
 * `textOnly` marks untyped values (JSON elements), where a substring test on a non-text value is FALSE.
 *
 * @example
 * compileOperators(scope, sql`t0."priority"`, { gte: 2, lt: 5 }, false);
 * // (t0."priority" >= ? AND t0."priority" < ?)
 */
export function compileOperators(
  scope: SqlScope,
  subject: Sql,
  operators: NormalizedOperators,
  textOnly: boolean,
): Sql {
  const insensitive = operators.mode === "insensitive";
  const parts: Sql[] = [];
  for (const key of Object.keys(operators) as Array<keyof NormalizedOperators>) {
    switch (key) {
      case "eq":
      case "ne": {
        const operand = operators[key];
        if (operand === null || operand === undefined) {
          parts.push(key === "eq" ? sql`${subject} IS NULL` : sql`${subject} IS NOT NULL`);
        } else {
          parts.push(comparison(subject, key, operand));
        }
        break;
      }
      case "gt":
      case "gte":
      case "lt":
      case "lte":
        parts.push(comparison(subject, key, operators[key]!));
        break;
      case "in":
      case "nin":
        parts.push(compileInList(scope, subject, operators[key]!, key === "nin"));
        break;
      case "exists":
        parts.push(operators.exists ? sql`${subject} IS NOT NULL` : sql`${subject} IS NULL`);
        break;
      case "contains":
      case "startsWith":
      case "endsWith":
        parts.push(compileTextMatch(key as LikeOperator, subject, operators[key]!, insensitive, textOnly));
        break;
      default:
        // `mode` only modifies the substring operators.
        break;
    }
  }
  return andAll(parts);
}

function comparison(subject: Sql, operator: keyof typeof COMPARISONS, operand: NormalizedScalar): Sql {
  return sql`${subject} ${raw(COMPARISONS[operator])} ${param(encodeOperand(operand))}`;
}

/** Three-valued AND of boolean expressions; `[]` is TRUE. */
export function andAll(parts: readonly Sql[]): Sql {
  if (parts.length === 0) return TRUE_SQL;
  return balanced(parts, " AND ");
}

/** Three-valued OR of boolean expressions; `[]` is FALSE. */
export function orAll(parts: readonly Sql[]): Sql {
  if (parts.length === 0) return FALSE_SQL;
  return balanced(parts, " OR ");
}

/** Up to this many terms are joined flat (`a OR b OR c OR d`); longer lists nest in halves. */
const FLAT_TERMS = 4;

/**
 * Joins terms with AND/OR as a balanced tree: SQLite parses a flat chain of n terms as n nested
 * binary nodes, and D1 refuses expressions deeper than ~100, so `or` with 100 branches would fail.
 * Halving keeps the depth at about 2·log2(n). AND and OR are associative in three-valued logic too,
 * so the result is the same.
 */
function balanced(parts: readonly Sql[], operator: " AND " | " OR "): Sql {
  if (parts.length === 1) return group(parts[0]!);
  if (parts.length <= FLAT_TERMS) return group(join(parts.map(group), operator));
  const middle = Math.ceil(parts.length / 2);
  return group(
    join([balanced(parts.slice(0, middle), operator), balanced(parts.slice(middle), operator)], operator),
  );
}
