/**
 * The JS evaluator of the where language. The server's SQL compiler is held to these exact answers by
 * a differential test, so every rule below says what the SQL must do. Notation: `x` is the field's SQL
 * value, `?` a bound operand; U is UNKNOWN (`null` here); "NULL" is a NULL column.
 * `sqliteReference.test.ts` holds a reference compiler producing exactly this SQL, checked against
 * the sqlite3 CLI on random wheres and rows — copy its expressions.
 *
 * Values
 * | TS value in the row                  | SQL value          | note                                              |
 * |--------------------------------------|--------------------|---------------------------------------------------|
 * | null, undefined, missing key, NaN    | NULL               | rows must carry every column; a missing one = NULL |
 * | boolean                              | 1 / 0              | also accepted as 0 / 1                            |
 * | Date (date column)                   | epoch ms           | also a number, or ISO text (a row sent as JSON); invalid Date = NULL |
 * | number, string                       | number, text       |                                                   |
 * | JSON column                          | parsed JSON value  | SQL NULL ⇔ null (a JSON `null` must be stored as SQL NULL) |
 * | array/object inside JSON             | its JSON text      | as json_each.value / json_extract return it       |
 * | Date inside JSON                     | toISOString() text | JSON.stringify stored it so; date operands on JSON fields are normalized to the same text |
 * | JSON true / false inside JSON        | 1 / 0              | as json_each / json_extract return them           |
 *
 * Comparison of two non-NULL values (`compareSqlite`): numbers numerically, number < text, text by
 * UTF-8 bytes (BINARY collation, i.e. code point order — not JS's UTF-16 order). Operands are typed
 * to the column by the validator, so column affinity never converts anything.
 *
 * Conditions
 * | where                         | result                                         | SQL                               |
 * |-------------------------------|------------------------------------------------|-----------------------------------|
 * | f: v  /  eq: v                | NULL → U; else x = v                            | x = ?                             |
 * | f: null / eq: null            | x IS NULL (never U)                             | x IS NULL                         |
 * | ne: v                         | NULL → U; else x <> v                           | x <> ?                            |
 * | ne: null                      | x IS NOT NULL (never U)                         | x IS NOT NULL                     |
 * | gt gte lt lte: v              | NULL → U; else compare                          | x > ? …                           |
 * | in: []                        | FALSE, even for NULL                            | 0                                 |
 * | in: [a, b]                    | NULL → U; else x ∈ list (null never in a list)  | x IN (?, ?)                       |
 * | nin: []                       | TRUE, even for NULL                             | 1                                 |
 * | nin: [a, b]                   | NULL → U; else x ∉ list                         | x NOT IN (?, ?)                   |
 * | exists: true / false          | IS NOT NULL / IS NULL (never U)                 |                                   |
 * | contains / startsWith / endsWith: p | NULL → U; non-text → FALSE; else plain substring test: % _ \ literal, "" matches all | instr(x, ?) > 0; substr(x, 1, length(?)) = ?; … (not LIKE: D1 caps patterns at 50 bytes) |
 * |   + mode: "insensitive"       | same after folding A–Z to a–z only (É, ß unchanged) | lower(x) and an A–Z-folded ? (SQLite lower() folds ASCII only) |
 * | regex / options: "i"          | aliases of contains / mode: "insensitive"      |                                   |
 * | {} (no operators)             | TRUE                                            |                                   |
 * | several operators / keys      | AND                                             |                                   |
 *
 * JSON columns (json, enumArray); `elements` is the array, or [] for a non-array JSON value
 * | includes: []                  | TRUE, even for NULL                             | 1                                 |
 * | includes: [a, b]              | NULL → U; else every operand equals some element | EXISTS(… json_each … value = ?) AND … |
 * | includesAny: []               | FALSE, even for NULL                            | 0                                 |
 * | includesAny: [a, b]           | NULL → U; else some operand equals some element | EXISTS(… value IN (?, ?))         |
 * | length: n / { gte: n, … }     | NULL → U; else numeric ops on elements.length   | json_array_length(x) (0 for non-arrays) |
 * | { sku: "A", qty: { gte: 2 } } | NULL → U; else TRUE iff some *object* element makes all field conditions TRUE (field missing = NULL) | EXISTS(SELECT 1 FROM json_each(x) e WHERE e.type = 'object' AND e.value ->> '$.sku' = ? AND …) |
 * | eq/ne: null, exists           | as for scalar columns                           |                                   |
 *   Element equality is SQL `=` on json_each values: numbers by value (1 = 1.0), strings exactly,
 *   booleans as 1/0 (so `true` matches a JSON 1), JSON null never equal. Non-array JSON: guard with
 *   json_type(x) = 'array' (json_each would iterate an object's values). json_each(NULL) has no rows,
 *   so "NULL → U" needs an explicit CASE WHEN x IS NULL THEN NULL ELSE … END around the EXISTS.
 *
 * Combinators and relations
 * | and: []  /  and: [a, b]       | TRUE / three-valued AND                         |                                   |
 * | or: []   /  or: [a, b]        | FALSE / three-valued OR                         |                                   |
 * | not: w                        | three-valued NOT (NOT U = U)                    |                                   |
 * | relation: w (one)             | FALSE if no related row (FK NULL); else TRUE iff w is TRUE for it (never U) | EXISTS(SELECT 1 FROM target t WHERE t.key = x.fk AND w) |
 * | relation: w (many/manyToMany) | TRUE iff w is TRUE for some related row (never U) | EXISTS(… via FK / junction)     |
 *   The relation's data must be on the row (`row.project` object or null; `row.tasks` array), else
 *   `RelationDataNeededError`. AND/OR decide without it when another branch is FALSE/TRUE.
 *
 * Geo
 * | geoWithin                     | a NULL (or non-number) coordinate → U; else d = haversineMetres(lat, lng, $geometry) and minDistance ≤ d ≤ maxDistance (inclusive, each bound optional) | see haversine.ts |
 */
import type { TableModel } from "../model";
import { compileWhere, type WhereRow } from "./compileWhere";

/**
 * Evaluates a where against one row with SQL's three-valued logic: `true` (matches), `false`, or
 * `null` (UNKNOWN — SQL would not return the row, and would not return it for `not` either). Validates
 * the where first (throws `WhereError`); throws `RelationDataNeededError` when a relation filter needs
 * data the row does not carry. For many rows, compile once with `compileWhere`.
 *
 * @example
 * evaluateWhere(tasks, { priority: { gt: 1 } }, { id: 1, priority: 2 }); // true
 * evaluateWhere(tasks, { priority: { gt: 1 } }, { id: 1, priority: null }); // null
 * evaluateWhere(tasks, { project: { name: "Site" } }, { id: 1, project: { id: "p", name: "Site" } }); // true
 */
export function evaluateWhere(table: TableModel, where: unknown, row: WhereRow): boolean | null {
  return compileWhere(table, where)(row);
}
