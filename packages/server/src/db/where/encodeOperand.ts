import type { NormalizedScalar } from "@appflare/schema";
import type { SqlParam } from "../sql";

/**
 * A normalized where operand as a bound parameter. Dates are already epoch ms after normalization;
 * booleans become 1/0 because that is how boolean columns, and JSON true/false read through
 * `json_each`/`json_extract`, look to SQL.
 *
 * @example
 * encodeOperand(true); // 1
 */
export function encodeOperand(value: NormalizedScalar): SqlParam {
  return typeof value === "boolean" ? (value ? 1 : 0) : value;
}

/** A list of operands as the JSON text `json_each(?)` expands (booleans as 1/0 like `encodeOperand`). */
export function encodeOperandList(values: readonly NormalizedScalar[]): string {
  return JSON.stringify(values.map(encodeOperand));
}
