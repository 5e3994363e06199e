import { raw, type Sql, sql } from "../sql";

/**
 * In-batch checks. D1 has no interactive transactions and SQLite's RAISE() only works inside triggers,
 * so a check is a SELECT that fails the whole batch (rolling back every statement, before or after it)
 * by evaluating an invalid JSON path only when the condition does not hold. SQLite reports the path in
 * the error (`bad JSON path: 'appflare_guard:7:3'`), so the failure names the check and carries the
 * count that broke it — no second round trip is needed to report `actual`.
 */

const TAG = "appflare_guard";
const MISSING_TAG = "appflare_missing";
let nextGuardId = 0;

/** A process-unique id for a check, so a batch of several plans can tell its checks apart. */
export function newGuardId(): string {
  nextGuardId = (nextGuardId + 1) % Number.MAX_SAFE_INTEGER;
  return `g${nextGuardId}`;
}

/** Bounds of `expectRows: n | { min?, max? }`. */
export type ExpectedRows = number | { readonly min?: number; readonly max?: number };

/**
 * `SELECT n` when `countQuery`'s single column `n` is within `expected`, a batch-failing error otherwise.
 * @param countQuery a statement returning one row with column `n`
 */
export function countGuardSql(guardId: string, countQuery: Sql, expected: ExpectedRows): Sql {
  const { min, max } = bounds(expected);
  const conditions = [
    ...(min === undefined ? [] : [`"n" >= ${min}`]),
    ...(max === undefined ? [] : [`"n" <= ${max}`]),
  ];
  const ok = raw(conditions.length === 0 ? "1" : conditions.join(" AND "));
  // The path text depends on n, so SQLite cannot evaluate the ELSE branch ahead of time.
  const fail = raw(`json_extract('{}', '${TAG}:${guardId}:' || "n")`);
  return sql`SELECT CASE WHEN ${ok} THEN "n" ELSE ${fail} END AS "n" FROM (${countQuery})`;
}

/**
 * `SELECT n` when `countQuery` counts exactly `expected` rows; otherwise fails the batch naming
 * `table`, reported as a foreign key violation (a link to rows that do not exist).
 */
export function existenceCheckSql(table: string, countQuery: Sql, expected: number): Sql {
  const fail = raw(`json_extract('{}', '${MISSING_TAG}:${table.replace(/[^A-Za-z0-9_$]/g, "")}:' || "n")`);
  return sql`SELECT CASE WHEN "n" = ${raw(String(expected))} THEN "n" ELSE ${fail} END AS "n" FROM (${countQuery})`;
}

/** What a failed batch's error says about the check that failed it, if one did. */
export type CheckFailure =
  | { readonly kind: "guard"; readonly guardId: string; readonly count: number }
  | { readonly kind: "missing"; readonly table: string };

/** Reads a check failure out of a D1 error (its message, or its cause's). */
export function parseCheckFailure(error: unknown): CheckFailure | undefined {
  const text = errorMessages(error);
  const guard = new RegExp(`${TAG}:([A-Za-z0-9]+):(-?\\d+)`).exec(text);
  if (guard) return { kind: "guard", guardId: guard[1]!, count: Number(guard[2]) };
  const missing = new RegExp(`${MISSING_TAG}:([A-Za-z0-9_$]+):`).exec(text);
  return missing ? { kind: "missing", table: missing[1]! } : undefined;
}

/** `true` when the error looks like a check failure whose text did not survive (fallback path). */
export function looksLikeCheckFailure(error: unknown): boolean {
  return /bad JSON path/.test(errorMessages(error));
}

function errorMessages(error: unknown): string {
  const texts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    texts.push(e.message);
  }
  return texts.join(" ");
}

/** `true` when `actual` is within `expected`. */
export function withinExpected(expected: ExpectedRows, actual: number): boolean {
  const { min, max } = bounds(expected);
  return (min === undefined || actual >= min) && (max === undefined || actual <= max);
}

function bounds(expected: ExpectedRows): { min?: number; max?: number } {
  return typeof expected === "number" ? { min: expected, max: expected } : expected;
}
