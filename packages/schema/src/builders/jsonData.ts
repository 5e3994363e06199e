import type { ColumnBuilder, ColumnConfig } from "./ColumnBuilder";

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** Value type of a builder used inside `v.array`/`v.object`: non-null unless `.nullable()`. */
export type JsonValueOf<B> =
  B extends ColumnBuilder<infer C extends ColumnConfig>
    ? C["nullable"] extends true
      ? C["data"] | null
      : C["data"]
    : never;

type NullableKeys<Shape> = {
  [K in keyof Shape]: Shape[K] extends ColumnBuilder<infer C extends ColumnConfig>
    ? C["nullable"] extends true
      ? K
      : never
    : never;
}[keyof Shape];

/** Value type of `v.object(shape)`: `.nullable()` properties are optional and may be `null`. */
export type ObjectData<Shape> = Flatten<
  { [K in Exclude<keyof Shape, NullableKeys<Shape>>]: JsonValueOf<Shape[K]> } & {
    [K in NullableKeys<Shape>]?: JsonValueOf<Shape[K]>;
  }
>;
