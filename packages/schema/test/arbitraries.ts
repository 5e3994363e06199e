/**
 * fast-check arbitraries of rows and wheres for any TableModel. Shared by the filter model's property
 * tests and the server's SQL-vs-JS differential test (import by relative path; this file is not
 * published). Values come from small pools full of edge cases (case, %, _, \, non-ASCII, astral
 * characters, NULLs, 0/1 booleans, Date/ms/ISO dates) so that generated wheres actually hit rows.
 */

export {
  columnValueArbitrary,
  jsonValueArbitrary,
  type RowArbitraryOptions,
  rowArbitrary,
} from "./rowArbitrary";
export {
  ANY_FIELD_POOL,
  DATE_POOL,
  INT_POOL,
  PATTERN_POOL,
  REAL_POOL,
  STRING_POOL,
} from "./valuePools";
export { type WhereArbitraryOptions, whereArbitrary } from "./whereArbitrary";
