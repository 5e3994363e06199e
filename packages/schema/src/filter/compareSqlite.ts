/**
 * SQLite value semantics for the JS evaluator: how a TypeScript value is seen by SQL, and how two
 * SQL values compare under the default BINARY collation.
 */

/** A non-NULL SQL value as the evaluator sees it: INTEGER/REAL → number, TEXT → string. */
export type SqlValue = number | string;

/**
 * Maps a TypeScript value to the SQL value D1 stores for it; `null` is SQL NULL.
 * - `boolean` → 1 / 0 (booleans are INTEGER 0/1 columns, and JSON true/false read back as 1/0)
 * - `Date` → epoch ms; an invalid Date → NULL
 * - `number` → itself; NaN → NULL (SQLite stores NaN as NULL); -0 → 0
 * - `bigint` → number (D1 returns numbers)
 * - arrays and objects → their JSON text, because SQLite hands out JSON containers as TEXT
 *   (`json_extract`, `json_each.value`)
 * - `undefined` → NULL
 *
 * @example
 * toSqlValue(true); // 1
 * toSqlValue(new Date(5)); // 5
 * toSqlValue({ a: 1 }); // '{"a":1}'
 */
export function toSqlValue(value: unknown): SqlValue | null {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return Number.isNaN(value) ? null : value === 0 ? 0 : value;
    case "boolean":
      return value ? 1 : 0;
    case "bigint":
      return Number(value);
    case "undefined":
      return null;
    case "object": {
      if (value === null) return null;
      if (value instanceof Date) {
        const ms = value.getTime();
        return Number.isNaN(ms) ? null : ms;
      }
      return JSON.stringify(value);
    }
    default:
      return null;
  }
}

/**
 * Maps a value found inside a JSON column (an array element, an object property) to the SQL value
 * `json_each.value` / `json_extract` yield for its stored JSON: like `toSqlValue`, except that a
 * `Date` is its `toISOString()` text, because JSON.stringify stored it that way.
 *
 * @example
 * jsonToSqlValue(new Date(0)); // "1970-01-01T00:00:00.000Z"
 * jsonToSqlValue(false); // 0
 */
export function jsonToSqlValue(value: unknown): SqlValue | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : value.toISOString();
  }
  return toSqlValue(value);
}

/**
 * Compares two strings the way SQLite's BINARY collation does: memcmp of their UTF-8 bytes, i.e.
 * by Unicode code point. JS `<` compares UTF-16 code units instead, which puts an astral character
 * (surrogate pair, 0xD800–0xDFFF) before U+E000–U+FFFF; UTF-8 puts it after.
 *
 * @example
 * compareUtf8("\uFFFD", "😀") < 0; // true (JS "\uFFFD" < "😀" is false)
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Before index i both strings are equal, so both units sit at the same position of a code point.
    // Two surrogates (or two non-surrogates) order like their code points; a surrogate starts an
    // astral code point, which is above every BMP code point.
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate === ySurrogate) return x < y ? -1 : 1;
    return xSurrogate ? 1 : -1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * Compares two non-NULL SQL values like SQLite does when neither side has a column affinity to apply
 * (the case for bound parameters, JSON values, and operands the validator already typed to their
 * column): numbers numerically, any number below any text, text by `compareUtf8`.
 *
 * @example
 * compareSqlite(2, 10); // -1
 * compareSqlite(99, "1"); // -1 (INTEGER sorts before TEXT)
 */
export function compareSqlite(a: SqlValue, b: SqlValue): number {
  if (typeof a === "number") {
    if (typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
    return -1;
  }
  if (typeof b === "number") return 1;
  return compareUtf8(a, b);
}
