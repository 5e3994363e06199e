import type {
  AnySchema,
  ColumnNames,
  RelationKind,
  RelationNames,
  RelationTarget,
  Row,
  TableNames,
} from "@appflare/schema";
import type { NumericColumns, ScalarColumns, Simplify } from "./columnData";
import type { FieldSelection, WithInput } from "./findTypes";
import type { WhereInput } from "./whereTypes";

/** Names of the `one` relations of `T`. */
type OneRelations<S extends AnySchema, T extends TableNames<S>> = {
  [R in RelationNames<S, T>]: RelationKind<S, T, R> extends "one" ? R : never;
}[RelationNames<S, T>];

/**
 * An aggregate `field`: a column of `T` picked by `Pick`, or `relation.column` through a `one`
 * relation (LEFT JOINed).
 */
export type FieldPath<
  S extends AnySchema,
  T extends TableNames<S>,
  Pick extends "any" | "numeric" | "scalar",
> =
  | PickColumns<S, T, Pick>
  | {
      [R in OneRelations<S, T>]: `${R}.${PickColumns<S, RelationTarget<S, T, R>, Pick>}`;
    }[OneRelations<S, T>];

type PickColumns<S extends AnySchema, T extends TableNames<S>, Pick> = Pick extends "numeric"
  ? NumericColumns<S, T>
  : Pick extends "scalar"
    ? ScalarColumns<S, T>
    : ColumnNames<S, T>;

/** The value type at a field path (for min/max). */
export type FieldValue<S extends AnySchema, T extends TableNames<S>, F> = F extends `${infer R}.${infer C}`
  ? R extends OneRelations<S, T>
    ? C extends keyof Row<S, RelationTarget<S, T, R>>
      ? NonNullable<Row<S, RelationTarget<S, T, R>>[C]>
      : never
    : never
  : F extends keyof Row<S, T>
    ? NonNullable<Row<S, T>[F]>
    : never;

/** `count({ where?, field?, distinct?, with? })`: rows, or non-NULL (distinct) values of `field`. */
export interface CountArgs<S extends AnySchema, T extends TableNames<S>> {
  readonly where?: WhereInput<S, T>;
  readonly field?: FieldPath<S, T, "any">;
  readonly distinct?: boolean;
  /** Accepted for appflare 0.2 compatibility; it does not change the count. */
  readonly with?: WithInput<S, T>;
}

/** `sum` / `avg({ field, where?, distinct? })` over a numeric field → `number | null`. */
export interface NumericAggregateArgs<S extends AnySchema, T extends TableNames<S>> {
  readonly field: FieldPath<S, T, "numeric">;
  readonly where?: WhereInput<S, T>;
  readonly distinct?: boolean;
}

/** `min` / `max({ field, where?, distinct? })` → the field's type (a `Date` for dates) or null. */
export interface ExtremeAggregateArgs<
  S extends AnySchema,
  T extends TableNames<S>,
  F extends FieldPath<S, T, "scalar"> = FieldPath<S, T, "scalar">,
> {
  readonly field: F;
  readonly where?: WhereInput<S, T>;
  readonly distinct?: boolean;
}

/** One `groupBy` ordering term: a `by` column, or an aggregate (`_count` without a field counts rows). */
export type GroupByOrderTerm<S extends AnySchema, T extends TableNames<S>> =
  | { readonly column: ColumnNames<S, T>; readonly direction?: "asc" | "desc" }
  | {
      readonly aggregate: "_count" | "count";
      readonly field?: ColumnNames<S, T>;
      readonly direction?: "asc" | "desc";
    }
  | {
      readonly aggregate: "_sum" | "_avg" | "sum" | "avg";
      readonly field: NumericColumns<S, T>;
      readonly direction?: "asc" | "desc";
    }
  | {
      readonly aggregate: "_min" | "_max" | "min" | "max";
      readonly field: ScalarColumns<S, T>;
      readonly direction?: "asc" | "desc";
    };

/** Arguments of `groupBy`. */
export interface GroupByArgs<S extends AnySchema, T extends TableNames<S>> {
  readonly by: ColumnNames<S, T> | readonly ColumnNames<S, T>[];
  readonly where?: WhereInput<S, T>;
  readonly _count?: true | FieldSelection<ColumnNames<S, T>>;
  readonly _sum?: FieldSelection<NumericColumns<S, T>>;
  readonly _avg?: FieldSelection<NumericColumns<S, T>>;
  readonly _min?: FieldSelection<ScalarColumns<S, T>>;
  readonly _max?: FieldSelection<ScalarColumns<S, T>>;
  readonly orderBy?: GroupByOrderTerm<S, T> | readonly GroupByOrderTerm<S, T>[];
  readonly limit?: number;
  readonly offset?: number;
}

type ByKeys<B> = B extends readonly (infer K)[] ? K : B;

/**
 * One `groupBy` result row: the `by` values plus the requested aggregates.
 *
 * @example
 * type G = GroupByResult<typeof schema, "tasks", { by: ["projectId"]; _count: true; _sum: { estimateHours: true } }>;
 * // { projectId: string; _count: number; _sum: { estimateHours: number | null } }
 */
export type GroupByResult<
  S extends AnySchema,
  T extends TableNames<S>,
  A extends GroupByArgs<S, T>,
> = Simplify<
  { [K in ByKeys<A["by"]> & keyof Row<S, T>]: Row<S, T>[K] } & (A extends { readonly _count: infer C }
    ? C extends true
      ? { _count: number }
      : C extends object
        ? { _count: { -readonly [K in keyof C]: number } }
        : {}
    : {}) &
    (A extends { readonly _sum: infer F }
      ? F extends object
        ? { _sum: { -readonly [K in keyof F]: number | null } }
        : {}
      : {}) &
    (A extends { readonly _avg: infer F }
      ? F extends object
        ? { _avg: { -readonly [K in keyof F]: number | null } }
        : {}
      : {}) &
    (A extends { readonly _min: infer F }
      ? F extends object
        ? { _min: { -readonly [K in keyof F & keyof Row<S, T>]: NonNullable<Row<S, T>[K]> | null } }
        : {}
      : {}) &
    (A extends { readonly _max: infer F }
      ? F extends object
        ? { _max: { -readonly [K in keyof F & keyof Row<S, T>]: NonNullable<Row<S, T>[K]> | null } }
        : {}
      : {})
>;
