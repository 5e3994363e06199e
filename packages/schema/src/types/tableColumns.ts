import type { AuthTableName } from "../authTables";
import type { ColumnConfig } from "../builders/ColumnBuilder";
import type { ManyBuilder, OneBuilder, OneOptions } from "../builders/RelationBuilder";
import type { Singular } from "../naming/singularize";
import type { LocalColumnName, OneForeignKeyName } from "../table";
import type { AnySchema, ConfigOf, PrimaryKeyOf, ShapeOf, TableNames } from "./schemaTables";

/**
 * What `Row`/`Insert` need to know about one column: its value type, whether a row may hold `null`,
 * and whether an insert may leave it out.
 */
export interface ColumnInfo<D = unknown, N extends boolean = boolean, O extends boolean = boolean> {
  readonly data: D;
  readonly nullable: N;
  readonly optional: O;
}

type IsTrue<B> = [B] extends [true] ? true : false;

/** A row may hold `null` unless NOT NULL, primary key, or defaulted. */
type RowNullable<C extends ColumnConfig> =
  IsTrue<C["notNull"]> extends true
    ? false
    : IsTrue<C["primaryKey"]> extends true
      ? false
      : IsTrue<C["hasDefault"]> extends true
        ? false
        : true;

type InsertOptional<C extends ColumnConfig> =
  IsTrue<C["primaryKey"]> extends true ? true : IsTrue<C["hasDefault"]> extends true ? true : RowNullable<C>;

type DeclaredColumns<Shape> = {
  [K in keyof Shape & string as [ConfigOf<Shape, K>] extends [never] ? never : K]: ColumnInfo<
    ConfigOf<Shape, K>["data"],
    RowNullable<ConfigOf<Shape, K>>,
    InsertOptional<ConfigOf<Shape, K>>
  >;
};

type NullableOption<O> = O extends { readonly nullable: true } ? true : false;

/** Value type of the key a FK into `Target` references (its primary key unless `referenceField`). */
type ReferencedData<S extends AnySchema, Target extends string, O> = O extends {
  readonly referenceField: infer R extends string;
}
  ? ConfigOf<ShapeOf<S, Target>, R>["data"]
  : ConfigOf<ShapeOf<S, Target>, PrimaryKeyOf<ShapeOf<S, Target>>>["data"];

type DeclaredNames<Shape> = keyof DeclaredColumns<Shape>;

/** FKs inferred from the shape's `v.one`s (skipping those that reuse a declared column). */
type OneColumns<S extends AnySchema, Shape> = {
  [K in keyof Shape & string as Shape[K] extends OneBuilder<string, infer O>
    ? OneForeignKeyName<K, O> extends DeclaredNames<Shape>
      ? never
      : OneForeignKeyName<K, O>
    : never]: Shape[K] extends OneBuilder<infer Target, infer O>
    ? ColumnInfo<ReferencedData<S, Target, O>, NullableOption<O>, NullableOption<O>>
    : never;
};

type HasOneTo<Shape, Source extends string> = true extends {
  [K in keyof Shape]: Shape[K] extends OneBuilder<Source, OneOptions> ? true : never;
}[keyof Shape]
  ? true
  : false;

/** Name of the FK a `v.many` from `Source` synthesizes on `Target`, or `never` when it pairs instead. */
type SynthesizedName<S extends AnySchema, Target extends string, Source extends string, O> = O extends {
  readonly field: infer F extends string;
}
  ? F extends LocalColumnName<ShapeOf<S, Target>>
    ? never
    : F
  : O extends { readonly relationName: string }
    ? never
    : Source extends Target
      ? never
      : HasOneTo<ShapeOf<S, Target>, Source> extends true
        ? never
        : `${Singular<Source>}Id` extends LocalColumnName<ShapeOf<S, Target>>
          ? never
          : `${Singular<Source>}Id`;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** FKs synthesized on `Target` by `v.many`s of other tables that have no matching `v.one` here. */
type SynthesizedColumns<S extends AnySchema, Target extends string> = Target extends AuthTableName
  ? {}
  : UnionToIntersection<
      {
        [Source in TableNames<S>]: {
          [K in keyof ShapeOf<S, Source>]: ShapeOf<S, Source>[K] extends ManyBuilder<Target, infer O>
            ? {
                [F in SynthesizedName<S, Target, Source, O>]: ColumnInfo<
                  ConfigOf<ShapeOf<S, Source>, PrimaryKeyOf<ShapeOf<S, Source>>>["data"],
                  NullableOption<O>,
                  NullableOption<O>
                >;
              }
            : never;
        }[keyof ShapeOf<S, Source>];
      }[TableNames<S>]
    >;

/**
 * Every column of table `T` with its {@link ColumnInfo}: declared columns, FKs of its `v.one`s, and FKs
 * that other tables' `v.many`s synthesize on it. The basis of `Row`, `Insert` and `ColumnNames`.
 */
export type TableColumns<S extends AnySchema, T extends TableNames<S>> = DeclaredColumns<ShapeOf<S, T>> &
  OneColumns<S, ShapeOf<S, T>> &
  SynthesizedColumns<S, T>;
