import type { TableModel } from "@appflare/schema";
import { describeValue } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import { encodeValue } from "../codec";
import type { SqlParam } from "../sql";
import { validateColumnValue } from "./validateColumnValue";

/**
 * Validates and encodes a key of `target` given to link an existing row (a `v.one` id, the ids of a
 * `many` or many-to-many list): inserts and many-to-many `set` updates take ids the same way.
 *
 * @example keyParam(users, "id", "u1", "create.owner") // the encoded "u1"
 */
export function keyParam(target: TableModel, field: string, value: unknown, path: string): SqlParam {
  const column = target.columns[field]!;
  if (value === null || value === undefined) {
    throw new InvalidQueryError(
      `${path}: expected a "${target.name}.${field}" value or an object, got ${describeValue(value)}`,
    );
  }
  validateColumnValue(target, column, value);
  return encodeValue(column, value);
}
