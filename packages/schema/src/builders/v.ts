import {
  type AnyColumnBuilder,
  type BaseConfig,
  type ColumnBuilder,
  createColumn,
  type WithConfig,
} from "./ColumnBuilder";
import { defineEnum, enumArrayColumn, enumColumn } from "./defineEnum";
import type { JsonValueOf, ObjectData } from "./jsonData";
import { many, manyToMany, one } from "./RelationBuilder";

/** Config of `v.uuid()`: a TEXT primary key filled with `crypto.randomUUID()`. */
export type UuidKeyConfig = WithConfig<
  BaseConfig<"uuid", string>,
  { notNull: true; primaryKey: true; hasDefault: true }
>;

/**
 * INTEGER column (`number`).
 * @example id: v.int().primaryKey({ autoIncrement: true })
 */
function int(): ColumnBuilder<BaseConfig<"int", number>> {
  return createColumn("int");
}

/**
 * REAL column, for floats (`number`).
 * @example budget: v.real()
 */
function real(): ColumnBuilder<BaseConfig<"real", number>> {
  return createColumn("real");
}

/**
 * TEXT column; `length` is validated by the Zod schemas (SQLite does not enforce it).
 * @example title: v.string({ length: 200 }).notNull()
 */
function string(options: { readonly length?: number } = {}): ColumnBuilder<BaseConfig<"string", string>> {
  return createColumn("string", options.length === undefined ? {} : { length: options.length });
}

/**
 * Boolean stored as INTEGER 0/1.
 * @example done: v.boolean().notNull().default(false)
 */
function boolean(): ColumnBuilder<BaseConfig<"boolean", boolean>> {
  return createColumn("boolean");
}

/**
 * Date stored as INTEGER epoch milliseconds, `Date` in TypeScript.
 * @example createdAt: v.date().notNull().defaultNow()
 */
function date(): ColumnBuilder<BaseConfig<"date", Date>> {
  return createColumn("date");
}

/**
 * TEXT primary key filled with `crypto.randomUUID()` when an insert leaves it out. Pass
 * `{ primaryKey: false }` for a plain (nullable, not generated) UUID column.
 * @example id: v.uuid()
 */
function uuid(): ColumnBuilder<UuidKeyConfig>;
function uuid(options: { readonly primaryKey: false }): ColumnBuilder<BaseConfig<"uuid", string>>;
function uuid(options: { readonly primaryKey?: boolean } = {}): AnyColumnBuilder {
  return options.primaryKey === false
    ? createColumn("uuid")
    : createColumn("uuid", { primaryKey: true, notNull: true });
}

/**
 * JSON TEXT column holding an array; the element is any builder (`v.string()`, `v.object({...})`...).
 * @example tags: v.array(v.string()).notNull().default([])
 */
function array<const E extends AnyColumnBuilder>(
  element: E,
): ColumnBuilder<BaseConfig<"json", JsonValueOf<E>[]>> {
  return createColumn("json", { element });
}

/**
 * JSON TEXT column holding an object; nest builders freely. Properties are required and non-null
 * unless `.nullable()` (then optional and nullable).
 * @example settings: v.object({ color: v.string(), public: v.boolean(), note: v.string().nullable() })
 */
function object<const S extends Readonly<Record<string, AnyColumnBuilder>>>(
  shape: S,
): ColumnBuilder<BaseConfig<"json", ObjectData<S>>> {
  return createColumn("json", { shape: Object.freeze({ ...shape }) });
}

/**
 * Untyped JSON TEXT column; pass a type argument to type it without validation.
 * @example metadata: v.json<{ source: string }>()
 */
function json<T = unknown>(): ColumnBuilder<BaseConfig<"json", T>> {
  return createColumn("json");
}

/**
 * The schema DSL's builders. Column builders are immutable: each modifier returns a new builder.
 *
 * @example
 * import { schema, table, v } from "@appflare/schema";
 * export default schema({
 *   projects: table({ id: v.uuid(), name: v.string().notNull(), tasks: v.many("tasks") }),
 *   tasks: table({ id: v.int().primaryKey({ autoIncrement: true }), project: v.one("projects") }),
 * });
 */
export const v = Object.freeze({
  int,
  /** Alias of {@link int}. */
  number: int,
  real,
  string,
  boolean,
  date,
  uuid,
  /**
   * TEXT restricted to the given values (or a `v.defineEnum` definition).
   * @example status: v.enum(["active", "archived"]).notNull().default("active")
   */
  enum: enumColumn,
  /**
   * JSON array of enum values.
   * @example roles: v.enumArray(["reader", "writer"]).notNull().default([])
   */
  enumArray: enumArrayColumn,
  defineEnum,
  array,
  object,
  json,
  one,
  many,
  manyToMany,
});
