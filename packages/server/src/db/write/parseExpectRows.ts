import type { TableModel } from "@appflare/schema";
import { isPlainObject } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import type { ExpectedRows } from "./guardStatements";

/** Validates `expectRows: n | { min?, max? }` (whole numbers ≥ 0, min ≤ max). */
export function parseExpectRows(
  value: unknown,
  table: TableModel,
  operation: string,
): ExpectedRows | undefined {
  if (value === undefined) return undefined;
  const count = (n: unknown) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  if (count(value)) return value as number;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    const { min, max } = value;
    const valid =
      keys.length > 0 &&
      keys.every((k) => k === "min" || k === "max") &&
      (min === undefined || count(min)) &&
      (max === undefined || count(max)) &&
      (min === undefined || max === undefined || (min as number) <= (max as number));
    if (valid) {
      return {
        ...(min === undefined ? {} : { min: min as number }),
        ...(max === undefined ? {} : { max: max as number }),
      };
    }
  }
  throw new InvalidQueryError(
    `${operation} on "${table.name}": expectRows must be a whole number ≥ 0 or { min?, max? } with min ≤ max, ` +
      `got ${JSON.stringify(value)}`,
  );
}
