import type { ColumnModel, JsonShape, TableModel } from "@appflare/schema";
import { describeValue } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import { jsonLimitProblem } from "../jsonLimits";

/**
 * Checks one non-null value given to a write against its column's type, so a wrong value is a 400
 * naming the table and field instead of a silently stored wrong type (SQLite is loosely typed).
 * `null`/`undefined` are not checked here: NOT NULL is enforced by D1 and mapped to a 400.
 *
 * Accepted: int → safe integer; real → finite number; string/uuid → string (within `length`);
 * boolean → boolean; date → valid `Date`, epoch ms, or ISO string; enum → one of its values;
 * enumArray → array of its values; json → a value matching the column's shape.
 */
export function validateColumnValue(table: TableModel, column: ColumnModel, value: unknown): void {
  const problem = columnProblem(column, value);
  if (problem !== undefined) {
    throw new InvalidQueryError(`Invalid value for "${table.name}.${column.name}": ${problem}`);
  }
}

function columnProblem(column: ColumnModel, value: unknown): string | undefined {
  switch (column.type) {
    case "int":
      return Number.isSafeInteger(value) ? undefined : expected("an integer", value);
    case "real":
      return typeof value === "number" && Number.isFinite(value)
        ? undefined
        : expected("a finite number", value);
    case "string":
    case "uuid":
      if (typeof value !== "string") return expected("a string", value);
      if (column.length !== undefined && value.length > column.length) {
        return `expected at most ${column.length} characters, got ${value.length}`;
      }
      return undefined;
    case "boolean":
      return typeof value === "boolean" ? undefined : expected("a boolean", value);
    case "date":
      return isDateLike(value)
        ? undefined
        : expected("a Date, epoch milliseconds or an ISO date string", value);
    case "enum":
      return typeof value === "string" && column.enumValues?.includes(value)
        ? undefined
        : expected(`one of ${JSON.stringify(column.enumValues)}`, value);
    case "enumArray":
      return (
        jsonLimitProblem(value) ??
        (Array.isArray(value) && value.every((x) => typeof x === "string" && column.enumValues?.includes(x))
          ? undefined
          : expected(`an array of ${JSON.stringify(column.enumValues)}`, value))
      );
    case "json":
      return jsonLimitProblem(value) ?? (column.json ? jsonProblem(column.json, value, "") : undefined);
  }
}

function isDateLike(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" && !Number.isNaN(Date.parse(value));
}

/** First mismatch between a JSON value and its shape, located by path (`items[2].qty`). */
function jsonProblem(shape: JsonShape, value: unknown, path: string): string | undefined {
  const at = (p: string) => (path === "" ? p : `at ${path}: ${p}`);
  if (value === null || value === undefined) {
    return shape.nullable || shape.kind === "any" || path === "" ? undefined : at(expected("a value", value));
  }
  switch (shape.kind) {
    case "any":
      return undefined;
    case "string":
      return typeof value === "string" ? undefined : at(expected("a string", value));
    case "int":
      return Number.isSafeInteger(value) ? undefined : at(expected("an integer", value));
    case "real":
      return typeof value === "number" && Number.isFinite(value)
        ? undefined
        : at(expected("a number", value));
    case "boolean":
      return typeof value === "boolean" ? undefined : at(expected("a boolean", value));
    case "date":
      return isDateLike(value) ? undefined : at(expected("a Date", value));
    case "enum":
      return typeof value === "string" && shape.values.includes(value)
        ? undefined
        : at(expected(`one of ${JSON.stringify(shape.values)}`, value));
    case "array": {
      if (!Array.isArray(value)) return at(expected("an array", value));
      for (let i = 0; i < value.length; i++) {
        const problem = jsonProblem(shape.element, value[i], `${path}[${i}]`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case "object": {
      if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
        return at(expected("an object", value));
      }
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!Object.hasOwn(shape.shape, key)) return at(`unknown property "${key}"`);
      }
      for (const [key, inner] of Object.entries(shape.shape)) {
        const problem = jsonProblem(inner, record[key], path === "" ? key : `${path}.${key}`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
  }
}

function expected(what: string, value: unknown): string {
  return `expected ${what}, got ${describeValue(value)}`;
}
