import { WhereError } from "@appflare/schema";
import { InvalidQueryError } from "../../errors/AppflareError";

/**
 * Runs a validation step and turns the filter model's `WhereError` (which already names the table,
 * the field or operator, and the fix) into the 400 `invalid_query` error the HTTP layer answers with.
 *
 * @example
 * const where = toInvalidQuery(() => normalizeWhere(table, args.where));
 */
export function toInvalidQuery<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof WhereError) throw new InvalidQueryError(error.message);
    throw error;
  }
}

/**
 * Throws the 400 `invalid_query` error for a read argument problem the filter model does not cover
 * (limit, offset, with, aggregates). `message` names the table and argument; `fix` says what to do.
 *
 * @example
 * invalidQuery(`limit 5000 on table "tasks" is over the maximum of 1000`, "Use iterate() to read more rows.");
 */
export function invalidQuery(message: string, fix?: string): never {
  throw new InvalidQueryError(fix === undefined ? `${message}.` : `${message}. ${fix}`);
}
