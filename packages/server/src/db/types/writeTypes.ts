import type {
  AnySchema,
  ColumnNames,
  Insert,
  ManyBuilder,
  OneBuilder,
  OneForeignKeyName,
  PrimaryKeyName,
  RelationKind,
  RelationNames,
  RelationNullable,
  RelationTarget,
  Row,
  ShapeOf,
  Singular,
  TableNames,
  Update,
} from "@appflare/schema";
import type { DecrementOperator, IncrementOperator, NowOperator, RawOperator } from "../operators";
import type { WhereInput } from "./readTypes";

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The primary-key value type of table `T` (what relation inputs take to link an existing row). */
export type KeyOf<S extends AnySchema, T extends TableNames<S>> = Row<S, T>[PrimaryKeyName<S, T> &
  keyof Row<S, T>];

/** Names of the relations of `T` of one kind. */
export type RelationsOfKind<S extends AnySchema, T extends TableNames<S>, K extends string> = {
  [R in RelationNames<S, T>]: RelationKind<S, T, R> extends K ? R : never;
}[RelationNames<S, T>];

/** FK field names the `one` relations of `T` add (they become optional in inputs: the relation may set them). */
export type OneForeignKeys<S extends AnySchema, T extends TableNames<S>> = {
  [R in RelationNames<S, T>]: ShapeOf<S, T>[R] extends OneBuilder<string, infer O>
    ? OneForeignKeyName<R, O>
    : never;
}[RelationNames<S, T>];

/** FK field on the children of `many` relation `R` of `T`: set by the parent, so left out of nested children. */
export type ChildForeignKey<S extends AnySchema, T extends TableNames<S>, R extends RelationNames<S, T>> =
  ShapeOf<S, T>[R] extends ManyBuilder<string, infer O>
    ? O extends { readonly field: infer F extends string }
      ? F
      :
          | {
              [C in RelationNames<S, RelationTarget<S, T, R>>]: ShapeOf<
                S,
                RelationTarget<S, T, R>
              >[C] extends OneBuilder<T, infer CO>
                ? OneForeignKeyName<C, CO>
                : never;
            }[RelationNames<S, RelationTarget<S, T, R>>]
          | `${Singular<T>}Id`
    : never;

/**
 * One row of `insert({ values })`: the table's insert shape plus nested relation inputs. FKs of `one`
 * relations are optional here because the relation field may provide them (D1 still refuses a row
 * that ends up without a required FK: 400 `not_null_violation`).
 *
 * - `one`: the target's key, or an object (created first, then linked);
 * - `many`: child keys (their FK is pointed at the new row) or child objects (created with the FK set);
 * - `manyToMany`: target keys or objects (created), each linked by a junction row.
 *
 * @example
 * const values: InsertValues<typeof schema, "projects"> = { name: "Docs", ownerId, tasks: [{ title: "Write" }] };
 */
export type InsertValues<S extends AnySchema, T extends TableNames<S>> = Simplify<
  Omit<Insert<S, T>, OneForeignKeys<S, T>> &
    Partial<Pick<Insert<S, T>, OneForeignKeys<S, T> & keyof Insert<S, T>>> &
    RelationInputs<S, T>
>;

/** Nested relation inputs of `T` (all optional). */
export type RelationInputs<S extends AnySchema, T extends TableNames<S>> = {
  [R in RelationNames<S, T>]?: RelationInput<S, T, R>;
};

/** What relation field `R` of `T` takes inside insert values. */
export type RelationInput<S extends AnySchema, T extends TableNames<S>, R extends RelationNames<S, T>> =
  RelationKind<S, T, R> extends "one"
    ?
        | KeyOf<S, RelationTarget<S, T, R>>
        | InsertValues<S, RelationTarget<S, T, R>>
        | (RelationNullable<S, T, R> extends true ? null : never)
    : RelationKind<S, T, R> extends "many"
      ? ReadonlyArray<
          | KeyOf<S, RelationTarget<S, T, R>>
          | Omit<InsertValues<S, RelationTarget<S, T, R>>, ChildForeignKey<S, T, R>>
        >
      : ReadonlyArray<KeyOf<S, RelationTarget<S, T, R>> | InsertValues<S, RelationTarget<S, T, R>>>;

/** `expectRows`: the exact number of affected rows, or bounds. Out of range → 409, nothing written. */
export type ExpectRows = number | { readonly min?: number; readonly max?: number };

/** `insert` arguments. */
export interface InsertArgs<S extends AnySchema, T extends TableNames<S>> {
  readonly values: InsertValues<S, T> | readonly InsertValues<S, T>[];
}

/** What a column accepts in `set`: its value, `raw(sql)`, and the operators that fit its type. */
export type ColumnSetValue<V> =
  | V
  | RawOperator
  | (NonNullable<V> extends number ? IncrementOperator | DecrementOperator | NowOperator : never)
  | (NonNullable<V> extends Date ? NowOperator : never)
  | (string extends NonNullable<V> ? NowOperator : never);

/** Column part of a `set`. */
export type ColumnSet<S extends AnySchema, T extends TableNames<S>> = {
  [K in keyof Update<S, T>]?: ColumnSetValue<Update<S, T>[K]>;
};

/** `manyToMany` field of an update `set`: a bare array merges. */
export type ManyToManySetInput<S extends AnySchema, Target extends TableNames<S>> =
  | ReadonlyArray<KeyOf<S, Target> | InsertValues<S, Target>>
  | {
      readonly items: ReadonlyArray<KeyOf<S, Target> | InsertValues<S, Target>>;
      /** `merge` (default) adds links; `overwrite` also removes the links not in `items`. */
      readonly mode?: "merge" | "overwrite";
    };

/** `one` relations in `set`: the target's key (or null when the relation is nullable). */
export type OneRelationSet<S extends AnySchema, T extends TableNames<S>> = {
  [R in RelationsOfKind<S, T, "one">]?:
    | KeyOf<S, RelationTarget<S, T, R>>
    | (RelationNullable<S, T, R> extends true ? null : never);
};

/** The `set` of `update`. */
export type UpdateSet<S extends AnySchema, T extends TableNames<S>> = ColumnSet<S, T> &
  OneRelationSet<S, T> & {
    [R in RelationsOfKind<S, T, "manyToMany">]?: ManyToManySetInput<S, RelationTarget<S, T, R>>;
  };

/** The `where` of writes: the read side's where language (validated again at run time). */
export type WriteWhere<S extends AnySchema, T extends TableNames<S>> = WhereInput<S, T>;

/** Which rows an update/delete touches: a where, or `allowAll: true` to mean every row. */
export type WriteTarget<S extends AnySchema, T extends TableNames<S>> =
  | { readonly where: WriteWhere<S, T>; readonly allowAll?: boolean }
  | { readonly where?: WriteWhere<S, T>; readonly allowAll: true };

/** `update` arguments. */
export type UpdateArgs<S extends AnySchema, T extends TableNames<S>> = WriteTarget<S, T> & {
  readonly set: UpdateSet<S, T>;
  /** At most this many rows (the first matches in rowid order). */
  readonly limit?: number;
  readonly expectRows?: ExpectRows;
};

/** One row of `upsert({ values })`: column values, and `one` relations given a key. */
export type UpsertValues<S extends AnySchema, T extends TableNames<S>> = Simplify<
  Omit<Insert<S, T>, OneForeignKeys<S, T>> &
    Partial<Pick<Insert<S, T>, OneForeignKeys<S, T> & keyof Insert<S, T>>> &
    OneRelationSet<S, T>
>;

/** `upsert` arguments. */
export interface UpsertArgs<S extends AnySchema, T extends TableNames<S>> {
  readonly values: UpsertValues<S, T> | readonly UpsertValues<S, T>[];
  /** Conflict target: the primary key by default, or a unique field / the fields of a unique index. */
  readonly target?: ColumnNames<S, T> | readonly ColumnNames<S, T>[];
  /** What to change on conflict; by default each row's own given values (`excluded.*`). */
  readonly set?: ColumnSet<S, T> & OneRelationSet<S, T>;
  /** Bounds on the number of existing rows the upsert updates (matched on target). */
  readonly expectRows?: ExpectRows;
}

/** `delete` arguments. */
export type DeleteArgs<S extends AnySchema, T extends TableNames<S>> = WriteTarget<S, T> & {
  readonly limit?: number;
  readonly expectRows?: ExpectRows;
};
