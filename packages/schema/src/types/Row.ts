import type { AnySchema, TableNames } from "./schemaTables";
import type { ColumnInfo, TableColumns } from "./tableColumns";

type Flatten<T> = { [K in keyof T]: T[K] };

type ValueOf<I> = I extends ColumnInfo<infer D, infer N> ? ([N] extends [true] ? D | null : D) : never;

/**
 * The select shape of a table, inferred from the schema value: nullable columns are `T | null`,
 * columns with any default are non-null, dates are `Date`, booleans `boolean`, enums unions, JSON
 * columns their shape, and inferred FKs (`projectId`) are typed like the key they reference.
 * Relation fields are not part of a row.
 *
 * @example
 * type Task = Row<typeof schema, "tasks">;
 */
export type Row<S extends AnySchema, T extends TableNames<S>> = {
  [K in keyof TableColumns<S, T>]: ValueOf<TableColumns<S, T>[K]>;
};

/**
 * The insert shape of a table: optional where primary key, nullable, auto-increment or defaulted;
 * required otherwise.
 *
 * @example
 * const task: Insert<typeof schema, "tasks"> = { title: "Write docs", projectId };
 */
export type Insert<S extends AnySchema, T extends TableNames<S>> = Flatten<
  {
    [K in keyof TableColumns<S, T> as TableColumns<S, T>[K] extends ColumnInfo<unknown, boolean, true>
      ? never
      : K]: ValueOf<TableColumns<S, T>[K]>;
  } & {
    [K in keyof TableColumns<S, T> as TableColumns<S, T>[K] extends ColumnInfo<unknown, boolean, true>
      ? K
      : never]?: ValueOf<TableColumns<S, T>[K]>;
  }
>;

/**
 * The update shape of a table: every column optional (`Partial<Insert>`).
 *
 * @example
 * const patch: Update<typeof schema, "tasks"> = { done: true };
 */
export type Update<S extends AnySchema, T extends TableNames<S>> = Partial<Insert<S, T>>;

/**
 * Column field names of a table (declared columns and FKs), the keys of `Row`.
 *
 * @example
 * const sortable: ColumnNames<typeof schema, "tasks">[] = ["title", "createdAt"];
 */
export type ColumnNames<S extends AnySchema, T extends TableNames<S>> = keyof TableColumns<S, T> & string;
