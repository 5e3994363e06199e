import { foldAsciiCase, type LikeOperator } from "@appflare/schema";
import { param, type Sql, sql } from "../sql";

const encoder = new TextEncoder();

/**
 * `contains` / `startsWith` / `endsWith` as plain substring tests, never LIKE: D1 refuses LIKE/GLOB
 * patterns over 50 bytes, and with no LIKE there is nothing to escape, so `%`, `_` and `\` are
 * literal for free. The tests work on the whole value, embedded NUL characters included (SQLite's
 * `length`/`substr` on TEXT stop at NUL, so `endsWith` compares UTF-8 bytes through a BLOB cast,
 * which is exact because UTF-8 is self-synchronizing).
 *
 * - contains:   `instr(x, ?) > 0`
 * - startsWith: `instr(x, ?) = 1` (the first occurrence is at the start iff the value starts with it)
 * - endsWith:   `x <> '' AND substr(CAST(x AS BLOB), -<byte length>) = CAST(? AS BLOB)`; `""` → `instr(x, '') > 0`
 *
 * A NULL `x` gives NULL (UNKNOWN). `insensitive` folds A–Z only on both sides, like SQLite's `lower()`
 * and the JS evaluator's `foldAsciiCase` (the pattern is folded here, the column by `lower(x)`).
 * `textOnly` adds the evaluator's "non-text value → FALSE" rule for untyped JSON values.
 *
 * @example
 * compileTextMatch("contains", sql`t0."title"`, "50%", false, false); // instr(t0."title", ?) > 0
 */
export function compileTextMatch(
  operator: LikeOperator,
  subject: Sql,
  pattern: string,
  insensitive: boolean,
  textOnly: boolean,
): Sql {
  const value = insensitive ? sql`lower(${subject})` : subject;
  const needle = insensitive ? foldAsciiCase(pattern) : pattern;
  let test: Sql;
  if (operator === "contains" || needle === "") {
    test = sql`instr(${value}, ${param(needle)}) > 0`;
  } else if (operator === "startsWith") {
    test = sql`instr(${value}, ${param(needle)}) = 1`;
  } else {
    const bytes = encoder.encode(needle).length;
    // substr() of an empty BLOB is NULL, not empty: the `<> ''` guard makes "" → FALSE (NULL stays NULL).
    test = sql`${value} <> '' AND substr(CAST(${value} AS BLOB), ${param(-bytes)}) = CAST(${param(needle)} AS BLOB)`;
  }
  if (!textOnly) return test;
  return sql`CASE WHEN ${subject} IS NULL THEN NULL WHEN typeof(${subject}) = 'text' THEN ${test} ELSE 0 END`;
}
