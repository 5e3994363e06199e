import { authTables } from "../authTables";
import type { AnyColumnBuilder } from "../builders/ColumnBuilder";
import type { EnumValues } from "../builders/defineEnum";
import { v } from "../builders/v";
import { toSnakeCase } from "../naming/toSnakeCase";
import { describeValue } from "../values/describeValue";
import type { UserField, UserFields } from "./UserField";
import { UserFieldError } from "./UserFieldError";

const TYPES = '"string", "number", "boolean", "date", "json", "string[]", "number[]" or a list of strings';

/** Built-in `users` fields (columns and relations) and their SQL names, lower-cased. */
const BUILT_IN = Object.keys(authTables.users.shape);
const BUILT_IN_SQL = new Map(BUILT_IN.map((name) => [toSnakeCase(name).toLowerCase(), name]));

/**
 * Converts `auth.options.user.additionalFields` to column builders keyed by property name
 * (`fieldName ?? key`), checking every entry first: known type, a default that fits it, no
 * `references`, no clash with a built-in `users` field or another additional field (by property or
 * SQL name). Nullability: NOT NULL only when the field is required (Better Auth's default) and has a
 * literal default — SQLite cannot add a NOT NULL column without a default to a table with rows, and
 * Better Auth checks `required` at input anyway. Throws {@link UserFieldError}.
 *
 * @example
 * userFieldColumns({ plan: { type: "string", defaultValue: "free" } }); // { plan: v.string().default("free").notNull() }
 */
export function userFieldColumns(fields: UserFields): Record<string, AnyColumnBuilder> {
  const columns: Record<string, AnyColumnBuilder> = {};
  const taken = new Map<string, string>();
  for (const [key, field] of Object.entries(fields)) {
    if (typeof field !== "object" || field === null) {
      fail(key, `expected a field object, got ${describeValue(field)}`, 'write { type: "string" }');
    }
    const property = propertyOf(key, field);
    checkClash(key, property, taken);
    if (field.references !== undefined) {
      fail(
        key,
        "references are not supported on additional user fields",
        'remove references and model the relation in schema.ts with a table of your own holding v.one("users")',
      );
    }
    columns[property] = columnOf(key, field);
  }
  return columns;
}

function propertyOf(key: string, field: UserField): string {
  const name = field.fieldName ?? key;
  if (typeof name !== "string" || name === "") {
    fail(
      key,
      `fieldName must be a non-empty string, got ${describeValue(name)}`,
      "remove fieldName or set it",
    );
  }
  return name;
}

/** The key and the property must not shadow a built-in field; property and SQL names must be unique. */
function checkClash(key: string, property: string, taken: Map<string, string>): void {
  for (const name of new Set([key, property])) {
    if (BUILT_IN.includes(name)) {
      fail(
        key,
        `"${name}" is a built-in users field (${BUILT_IN.join(", ")})`,
        "rename the field, or set fieldName to another name",
      );
    }
  }
  const sql = toSnakeCase(property).toLowerCase();
  const builtIn = BUILT_IN_SQL.get(sql);
  if (builtIn !== undefined) {
    fail(
      key,
      `its SQL column "${sql}" is the one of the built-in users field "${builtIn}"`,
      "rename the field, or set fieldName to another name",
    );
  }
  const other = taken.get(property) ?? taken.get(`sql:${sql}`);
  if (other !== undefined) {
    fail(
      key,
      `its column "${property}" (SQL "${sql}") is also the column of the additional field "${other}"`,
      "give one of them another key or fieldName",
    );
  }
  taken.set(property, key);
  taken.set(`sql:${sql}`, key);
}

function columnOf(key: string, field: UserField): AnyColumnBuilder {
  let column = baseColumn(key, field);
  const value = field.defaultValue;
  const literal = value !== undefined && value !== null && typeof value !== "function";
  if (typeof value === "function") column = column.defaultFn(value as () => unknown);
  else if (literal) column = column.default(literalDefault(key, field.type, value));
  if (literal && field.required !== false) column = column.notNull();
  if (field.unique === true) column = column.unique();
  else if (field.index === true) column = column.index();
  return column;
}

function baseColumn(key: string, field: UserField): AnyColumnBuilder {
  const type: unknown = field.type;
  if (Array.isArray(type)) return v.enum(enumValues(key, type));
  switch (type) {
    case "string":
      return v.string();
    case "number":
      return field.bigint === true ? v.int() : v.real();
    case "boolean":
      return v.boolean();
    case "date":
      return v.date();
    case "json":
      return v.json();
    case "string[]":
      return v.array(v.string());
    case "number[]":
      return v.array(v.real());
    default:
      return fail(key, `unknown type ${describeValue(type)}`, `use ${TYPES}`);
  }
}

function enumValues(key: string, list: readonly unknown[]): EnumValues {
  const strings = list.filter((value): value is string => typeof value === "string");
  if (strings.length === 0 || strings.length !== list.length || new Set(strings).size !== strings.length) {
    fail(key, "an enum type needs a non-empty list of distinct strings", 'write type: ["free", "pro"]');
  }
  return strings as unknown as EnumValues;
}

/** The literal default in the column's value space (dates as `Date`), or a {@link UserFieldError}. */
function literalDefault(key: string, type: UserField["type"], value: unknown): unknown {
  const bad = (expected: string): never =>
    fail(key, `defaultValue ${describeValue(value)} is not ${expected}`, `use ${expected}, or a function`);
  if (Array.isArray(type)) {
    if (!type.includes(value as string)) bad(`one of ${type.map((x) => JSON.stringify(x)).join(", ")}`);
    return value;
  }
  switch (type) {
    case "string":
      return typeof value === "string" ? value : bad("a string");
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : bad("a finite number");
    case "boolean":
      return typeof value === "boolean" ? value : bad("a boolean");
    case "date": {
      const date =
        value instanceof Date || typeof value === "string" || typeof value === "number"
          ? new Date(value)
          : undefined;
      return date !== undefined && Number.isFinite(date.getTime())
        ? date
        : bad("a Date or an ISO date string");
    }
    case "string[]":
      return Array.isArray(value) && value.every((x) => typeof x === "string")
        ? value
        : bad("a string array");
    case "number[]":
      return Array.isArray(value) && value.every((x) => typeof x === "number" && Number.isFinite(x))
        ? value
        : bad("a number array");
    default:
      return jsonSafe(value) ? value : bad("JSON (plain objects, arrays, strings, numbers, booleans)");
  }
}

function jsonSafe(value: unknown): boolean {
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}

function fail(key: string, problem: string, fix: string): never {
  throw new UserFieldError(key, problem, fix);
}
