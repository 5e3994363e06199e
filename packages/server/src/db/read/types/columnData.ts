import type { AnySchema, ColumnInfo, ColumnNames, TableColumns, TableNames } from "@appflare/schema";

/** The non-null TS value type of column `K` of table `T` (`Date` for dates, the shape for JSON). */
export type ColumnData<S extends AnySchema, T extends TableNames<S>, K extends ColumnNames<S, T>> =
  TableColumns<S, T>[K] extends ColumnInfo<infer D> ? D : never;

/** Column names of `T` whose values are numbers (int/real columns). */
export type NumericColumns<S extends AnySchema, T extends TableNames<S>> = {
  [K in ColumnNames<S, T>]: [ColumnData<S, T, K>] extends [number] ? K : never;
}[ColumnNames<S, T>];

/** Column names of `T` that hold a scalar (not a JSON document): what min/max/groupBy take. */
export type ScalarColumns<S extends AnySchema, T extends TableNames<S>> = {
  [K in ColumnNames<S, T>]: IsScalar<ColumnData<S, T, K>> extends true ? K : never;
}[ColumnNames<S, T>];

/** `true` for number, string (and string unions), boolean and Date; `false` for JSON data. */
export type IsScalar<D> = unknown extends D
  ? false
  : [D] extends [Date]
    ? true
    : [D] extends [string | number | boolean]
      ? true
      : false;

/** `{ a: 1 } & { b: 2 }` → `{ a: 1; b: 2 }`, for readable hovers. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};
