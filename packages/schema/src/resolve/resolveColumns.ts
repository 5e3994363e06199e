import { type AnyColumnBuilder, isColumnBuilder } from "../builders/ColumnBuilder";
import { isRelationBuilder } from "../builders/RelationBuilder";
import { describeValue } from "../values/describeValue";
import { type DraftColumn, type DraftTable, fail, quoteList } from "./context";
import { toJsonShape } from "./toJsonShape";

const KEY_TYPES = new Set(["int", "string", "uuid"]);

/** D1 measured: the enumArray CHECK (see typeChecks.ts) fails to compile from about 89 values on. */
const MAX_ENUM_ARRAY_VALUES = 64;

/** A runtime key default for text keys: every primary key is optional on insert. */
const randomKey = (): string => crypto.randomUUID();

/**
 * Resolves the declared columns of a user or auth table (relations come later) and its primary key.
 * Leaves `table.columns` holding the declared columns only, in declaration order.
 */
export function resolveColumns(table: DraftTable): void {
  const shape = table.definition?.shape ?? {};
  for (const [field, value] of Object.entries(shape)) {
    if (isColumnBuilder(value)) {
      table.columns.set(field, columnFromBuilder(table.name, field, value));
    } else if (!isRelationBuilder(value)) {
      const called = typeof value === "function" ? " (a function: did you forget the call parentheses?)" : "";
      fail(
        "non_builder_field",
        table.name,
        field,
        `the value is ${describeValue(value)}${called}, not a v.* builder`,
        'use a column builder such as v.string() or a relation such as v.one("users")',
      );
    }
  }
  const keys = [...table.columns.values()].filter((column) => column.primaryKey);
  const [key, second] = keys;
  if (key === undefined) {
    fail(
      "missing_primary_key",
      table.name,
      undefined,
      "the table has no primary key",
      "add `id: v.uuid()` or `id: v.int().primaryKey({ autoIncrement: true })`",
    );
  }
  if (second !== undefined) {
    fail(
      "multiple_primary_keys",
      table.name,
      second.name,
      `the table has several primary keys (${quoteList(keys.map((column) => column.name))}); composite keys are not supported`,
      "keep one .primaryKey() (note v.uuid() is a primary key; use v.uuid({ primaryKey: false }) for a plain UUID column) and add a unique index over the others",
    );
  }
  table.primaryKey = key.name;
}

function columnFromBuilder(table: string, field: string, builder: AnyColumnBuilder): DraftColumn {
  const state = builder["~state"];
  if (state.type === "enum" || state.type === "enumArray") {
    const values = state.enumValues ?? [];
    if (
      values.length === 0 ||
      new Set(values).size !== values.length ||
      values.some((x) => typeof x !== "string")
    ) {
      fail(
        "invalid_column",
        table,
        field,
        "an enum needs a non-empty list of distinct strings",
        'pass the values, e.g. v.enum(["draft", "published"])',
      );
    }
  }
  if (state.type === "enumArray" && (state.enumValues?.length ?? 0) > MAX_ENUM_ARRAY_VALUES) {
    fail(
      "invalid_column",
      table,
      field,
      `an enumArray has at most ${MAX_ENUM_ARRAY_VALUES} values (this one has ${state.enumValues?.length}): its CHECK constraint nests one replace() per value, and D1 refuses expressions deeper than 100`,
      "use fewer values, or a v.manyToMany to a table that lists them",
    );
  }
  if (state.length !== undefined && !(Number.isInteger(state.length) && state.length > 0)) {
    fail(
      "invalid_column",
      table,
      field,
      `length ${state.length} is not a positive integer`,
      "use v.string({ length: 255 })",
    );
  }
  if (state.defaultNow === true && state.type !== "date") {
    fail("invalid_column", table, field, ".defaultNow() on a non-date column", "use v.date().defaultNow()");
  }
  if (
    state.hasSqlDefault &&
    state.type === "enum" &&
    !state.enumValues?.includes(state.sqlDefault as string)
  ) {
    fail(
      "invalid_column",
      table,
      field,
      `the default ${JSON.stringify(state.sqlDefault)} is not one of the enum values`,
      `use one of ${quoteList(state.enumValues ?? [])}`,
    );
  }
  if (state.primaryKey) {
    if (!KEY_TYPES.has(state.type)) {
      fail(
        "invalid_primary_key",
        table,
        field,
        `a ${state.type} column cannot be the primary key`,
        "use v.uuid(), v.string().primaryKey() or v.int().primaryKey({ autoIncrement: true })",
      );
    }
    if (state.nullable) {
      fail("invalid_primary_key", table, field, "a primary key cannot be .nullable()", "remove .nullable()");
    }
  }
  if (state.autoIncrement && state.type !== "int") {
    fail(
      "invalid_primary_key",
      table,
      field,
      "autoIncrement applies to INTEGER keys only",
      "use v.int().primaryKey({ autoIncrement: true }), or drop autoIncrement",
    );
  }
  const column: DraftColumn = {
    name: field,
    sqlName: state.sqlName ?? "",
    type: state.type,
    notNull: state.notNull || state.primaryKey,
    primaryKey: state.primaryKey,
    autoIncrement: state.autoIncrement,
    unique: state.unique,
    index: state.index,
    hasSqlDefault: state.hasSqlDefault,
  };
  if (state.hasSqlDefault) column.sqlDefault = state.sqlDefault;
  if (state.defaultFn !== undefined) column.defaultFn = state.defaultFn;
  else if (state.primaryKey && state.type !== "int" && !state.hasSqlDefault) column.defaultFn = randomKey;
  if (state.length !== undefined) column.length = state.length;
  if (state.enumValues !== undefined) column.enumValues = state.enumValues;
  if (state.enumName !== undefined) column.enumName = state.enumName;
  if (state.type === "json" || state.type === "enumArray")
    column.json = toJsonShape(table, field, builder, "");
  if (state.references !== undefined) column.references = { ...state.references };
  return column;
}
