/**
 * Update operators: values of `set` (in `update` and `upsert`) that compute the new value in SQL
 * instead of binding a literal. Each is a small frozen object tagged with a symbol, so a JSON column
 * value can never be mistaken for one.
 */

const OPERATOR = Symbol.for("appflare.writeOperator");

/** `column = column + by`. */
export interface IncrementOperator {
  readonly [OPERATOR]: "increment";
  readonly by: number;
}

/** `column = column - by`. */
export interface DecrementOperator {
  readonly [OPERATOR]: "decrement";
  readonly by: number;
}

/** `column = <the database's current time>` (epoch ms for dates and ints, ISO text for strings). */
export interface NowOperator {
  readonly [OPERATOR]: "now";
}

/** `column = (<text>)`: SQL inserted as-is. See {@link raw}. */
export interface RawOperator {
  readonly [OPERATOR]: "raw";
  readonly text: string;
}

export type WriteOperator = IncrementOperator | DecrementOperator | NowOperator | RawOperator;

function checkAmount(name: string, by: number): number {
  if (typeof by !== "number" || !Number.isFinite(by)) {
    throw new TypeError(`${name}(n) expects a finite number, got ${String(by)}`);
  }
  return by;
}

/**
 * Adds `by` (default 1) to a numeric column, atomically in SQL: concurrent increments never lose
 * updates. A NULL column stays NULL.
 *
 * @example
 * await ctx.db.posts.update({ where: { id }, set: { views: increment() } });
 */
export function increment(by = 1): IncrementOperator {
  return Object.freeze({ [OPERATOR]: "increment" as const, by: checkAmount("increment", by) });
}

/**
 * Subtracts `by` (default 1) from a numeric column, atomically in SQL.
 *
 * @example
 * await ctx.db.products.update({ where: { id }, set: { stock: decrement(2) } });
 */
export function decrement(by = 1): DecrementOperator {
  return Object.freeze({ [OPERATOR]: "decrement" as const, by: checkAmount("decrement", by) });
}

/**
 * The database's current time: epoch milliseconds for `v.date()` and `v.int()` columns, an ISO 8601
 * string for `v.string()` columns. Every row of one statement gets the same instant.
 *
 * @example
 * await ctx.db.tasks.update({ where: { id }, set: { completedAt: now() } });
 */
export function now(): NowOperator {
  return NOW;
}
const NOW: NowOperator = Object.freeze({ [OPERATOR]: "now" as const });

/**
 * The escape hatch: `text` is inserted into the statement as-is, wrapped in parentheses, as the new
 * value of the column (`SET "col" = (<text>)`). It may name the table's SQL columns (`"score" * 2`)
 * and, in an upsert, the incoming row as `excluded."col"`.
 *
 * **Never build `text` from user input**: it is not escaped or parameterized, so doing so is SQL
 * injection. Prefer `increment`/`decrement`/`now` or plain values; reach for `raw` only for SQL
 * functions Appflare does not model. The result is written as is: no JSON encoding, no validation.
 *
 * @example
 * await ctx.db.users.update({ where: { id }, set: { name: raw("trim(\"name\")") } });
 */
export function raw(text: string): RawOperator {
  if (typeof text !== "string" || text.trim() === "") {
    throw new TypeError("raw(sql) expects a non-empty SQL expression string");
  }
  return Object.freeze({ [OPERATOR]: "raw" as const, text });
}

/** `true` for the objects made by `increment`, `decrement`, `now` and `raw`. */
export function isWriteOperator(value: unknown): value is WriteOperator {
  return typeof value === "object" && value !== null && OPERATOR in value;
}

/** The operator's kind; only call after {@link isWriteOperator}. */
export function operatorKind(operator: WriteOperator): WriteOperator[typeof OPERATOR] {
  return operator[OPERATOR];
}
