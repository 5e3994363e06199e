import type { TableModel } from "../model";
import { normalizeWhere } from "./normalizeWhere";

/**
 * Checks a `where` against a table and throws `WhereError` (path + a message naming the table, the
 * field or operator, and the fix) on the first problem. Rules:
 *
 * - A where is a plain object (`{}`, JSON.parse output, or null-prototype). Its keys are AND-ed and
 *   each is one of: a column (inferred FK columns included), a relation, `and` / `or` (arrays of
 *   wheres), `not` (a where), `geoWithin`, each combinator/`geoWithin` also as `$and` … `$geoWithin`.
 *   These reserved words win over a field of the same name. Giving a key twice through an alias
 *   (`and` and `$and`) is an error.
 * - A column condition is `null` (IS NULL), a value (=), or an operator object whose operators are
 *   AND-ed: eq ne in nin gt gte lt lte exists contains startsWith endsWith regex mode options,
 *   each also `$`-prefixed; an operator given twice via an alias (`contains` + `regex`) is an error.
 * - Operands are typed by the column: int/real a finite number; string/uuid a string; enum a member
 *   of the enum (substring patterns: any string); boolean a boolean; date a valid Date, epoch ms,
 *   or an ISO 8601 string (date only, or date-time with Z/offset). `gt`…`lte` refuse null; `eq`/`ne`
 *   accept it. `exists` takes a boolean.
 * - `in`, `nin` (and `includes`, `includesAny`): arrays of at most 1000 operands, no null inside.
 * - Substring operators (contains, startsWith, endsWith, regex) apply to string, uuid and enum
 *   columns; `mode` ("insensitive" | "default") and `options` ("i" | "") only beside one of them.
 * - JSON columns (`json`, `enumArray`): see `normalizeJsonCondition` — eq/ne only with null, exists,
 *   includes / includesAny / length on arrays, element conditions checked against the element's
 *   object shape (untyped `v.json()` elements: any identifier field, any scalar operand).
 * - A relation maps to a where on its target table, checked recursively.
 * - `undefined` values are refused (omit the key instead), and so are the keys `__proto__`,
 *   `constructor` and `prototype` anywhere; only own enumerable keys are read.
 * - Depth: every plain object counts one level — the where itself is level 1, and an operator object,
 *   a relation's where, a `not` where, an and/or item, the geoWithin object and its `$geometry`, and
 *   `length: {…}` each add one. Arrays add none (an and/or item sits one level below the object
 *   holding the array), nor do Date operands. Level 16 is accepted, 17 refused.
 *   `{ not: { not: { title: { eq: "x" } } } }` has 4 levels.
 *
 * @example
 * validateWhere(tasks, { title: { contains: "bug" }, or: [{ done: false }, { priority: { gte: 3 } }] }); // ok
 * validateWhere(tasks, { titel: "x" }); // throws WhereError: Unknown field "titel" in where for table "tasks". …
 */
export function validateWhere(table: TableModel, where: unknown): void {
  normalizeWhere(table, where);
}
