import { AppflareError } from "./AppflareError";

/** Base of the constraint errors `ctx.db` writes raise; `isDbError` recognises them. */
export class DbError extends AppflareError {}

/** 409: a UNIQUE constraint failed. `fields` are TS field names. */
export class UniqueViolationError extends DbError {
  constructor(table: string, fields: string[]) {
    super(409, {
      code: "unique_violation",
      table,
      fields,
      message: `A row in "${table}" already has this ${fields.join(", ")}`,
    });
  }
}

/** 409: a FOREIGN KEY constraint failed. */
export class ForeignKeyViolationError extends DbError {
  constructor(table: string) {
    super(409, {
      code: "foreign_key_violation",
      table,
      message: `A write to "${table}" references a row that does not exist (or is still referenced)`,
    });
  }
}

/** 400: a CHECK constraint failed. */
export class CheckViolationError extends DbError {
  constructor(constraint: string) {
    super(400, { code: "check_violation", constraint, message: `Check constraint "${constraint}" failed` });
  }
}

/** 400: a NOT NULL constraint failed. */
export class NotNullViolationError extends DbError {
  constructor(table: string, fields: string[]) {
    super(400, {
      code: "not_null_violation",
      table,
      fields,
      message: `"${table}".${fields.join(", ")} must not be null`,
    });
  }
}

/** 409: `expectRows` was not met; nothing was written. */
export class ExpectRowsError extends DbError {
  constructor(expected: number | { min?: number; max?: number }, actual: number) {
    super(409, {
      code: "expect_rows_failed",
      expected,
      actual,
      message: `Expected ${JSON.stringify(expected)} affected rows, found ${actual}; nothing was written`,
    });
  }
}

/**
 * True for the constraint errors raised by `ctx.db` writes.
 * @example try { await ctx.db.tasks.insert({ values }) } catch (e) { if (isDbError(e)) ... }
 */
export function isDbError(error: unknown): error is DbError {
  return error instanceof DbError;
}
