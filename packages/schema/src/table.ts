import type { AnyColumnBuilder } from "./builders/ColumnBuilder";
import type { ManyBuilder, ManyToManyBuilder, OneBuilder } from "./builders/RelationBuilder";

/** Anything a table shape may hold: a column builder or a relation. */
export type FieldBuilder = AnyColumnBuilder | OneBuilder | ManyBuilder | ManyToManyBuilder;

/** The first argument of `table(...)`. */
export type TableShape = Readonly<Record<string, FieldBuilder>>;

/** FK field name a `v.one` declared under `key` produces. */
export type OneForeignKeyName<K extends string, O> = O extends { readonly field: infer F extends string }
  ? F
  : `${K}Id`;

/** Columns a shape produces on its own table: declared columns plus the FKs of its `v.one`s. */
export type LocalColumnName<Shape> = {
  [K in keyof Shape & string]: Shape[K] extends AnyColumnBuilder
    ? K
    : Shape[K] extends OneBuilder<string, infer O>
      ? OneForeignKeyName<K, O>
      : never;
}[keyof Shape & string];

/** A table-level index; `columns` are field names (inferred FKs such as `projectId` included). */
export interface TableIndex<Column extends string = string> {
  readonly columns: readonly [Column | (string & {}), ...(Column | (string & {}))[]];
  readonly unique?: boolean;
  /** Defaults to `<table>_<columns>_idx` (`_unique` when unique). */
  readonly name?: string;
}

/** A CHECK constraint; `sql` is raw SQL over the table's SQL column names. */
export interface TableCheck {
  readonly name: string;
  readonly sql: string;
}

export interface TableOptions<Column extends string = string> {
  /** SQL table name; snake_case of the table's key by default. */
  readonly sqlName?: string;
  readonly indexes?: readonly TableIndex<Column>[];
  readonly checks?: readonly TableCheck[];
}

/** A table definition made by `table(...)`; it gets its name from its key in `schema({...})`. */
export interface Table<Shape extends TableShape = TableShape> {
  readonly "~kind": "table";
  readonly shape: Shape;
  readonly options: TableOptions;
}

/**
 * Declares a table: columns, relations, and table-level indexes and checks.
 *
 * @example
 * table(
 *   { id: v.uuid(), status: v.enum(["open", "done"]).notNull(), priority: v.int().notNull().default(0) },
 *   {
 *     indexes: [{ columns: ["status", "priority"] }],
 *     checks: [{ name: "priority_range", sql: "priority BETWEEN 0 AND 5" }],
 *   },
 * );
 */
export function table<Shape extends TableShape>(
  shape: Shape,
  options: TableOptions<LocalColumnName<Shape>> = {},
): Table<Shape> {
  return Object.freeze({
    "~kind": "table",
    shape: Object.freeze({ ...shape }),
    options: Object.freeze({ ...options }),
  });
}

/**
 * `true` for a value made by `table(...)`.
 * @example isTable(table({ id: v.uuid() })); // true
 */
export function isTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && (value as { "~kind"?: unknown })["~kind"] === "table";
}
