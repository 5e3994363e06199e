import type {
  AnySchema,
  ColumnNames,
  RefusePrivateRelations,
  RelationKind,
  RelationNames,
  RelationTarget,
  TableNames,
} from "@appflare/schema";
import type { NumericColumns, ScalarColumns } from "./columnData";
import type { WhereInput } from "./whereTypes";

/** One ordering term; `direction` defaults to "asc". */
export interface OrderByTerm<C extends string = string> {
  readonly column: C;
  readonly direction?: "asc" | "desc";
}

/** `orderBy`: a term or a list of terms (the primary key always breaks remaining ties). */
export type OrderByInput<S extends AnySchema, T extends TableNames<S>> =
  | OrderByTerm<ColumnNames<S, T>>
  | readonly OrderByTerm<ColumnNames<S, T>>[];

/** `columns: { field: true }`: the columns to return (all when absent). */
export type ColumnsInput<S extends AnySchema, T extends TableNames<S>> = {
  readonly [K in ColumnNames<S, T>]?: true;
};

/** `{ field: true }` over some columns (aggregate selections). */
export type FieldSelection<K extends string> = { readonly [F in K]?: true };

/** Relation aggregates of a `with` entry, landing on `<relation>Aggregate`. */
export interface RelationAggregateInput<S extends AnySchema, T extends TableNames<S>> {
  readonly _count?: boolean;
  readonly _avg?: FieldSelection<NumericColumns<S, T>>;
  readonly _sum?: FieldSelection<NumericColumns<S, T>>;
  readonly _min?: FieldSelection<ScalarColumns<S, T>>;
  readonly _max?: FieldSelection<ScalarColumns<S, T>>;
}

/** The entry of a `one` relation in `with`: a single row (or null), so no limit/order/aggregates. */
export interface WithOneEntry<S extends AnySchema, T extends TableNames<S>> {
  readonly where?: WhereInput<S, T>;
  readonly columns?: ColumnsInput<S, T>;
  readonly with?: WithInput<S, T>;
}

/** The entry of a many/manyToMany relation in `with`: rows and/or aggregates. */
export interface WithManyEntry<S extends AnySchema, T extends TableNames<S>>
  extends WithOneEntry<S, T>,
    RelationAggregateInput<S, T> {
  readonly limit?: number;
  readonly offset?: number;
  readonly orderBy?: OrderByInput<S, T>;
}

/**
 * `with`: relations to load, nested freely, in the same statement as the read. An entry with only
 * aggregates (and `where`) returns only `<relation>Aggregate`; any row argument (or `true`) also
 * loads the rows.
 *
 * @example
 * const w: WithInput<typeof schema, "projects"> = {
 *   tasks: { where: { done: false }, limit: 5, with: { labels: true }, _count: true },
 *   owner: true,
 * };
 */
export type WithInput<S extends AnySchema, T extends TableNames<S>> = {
  readonly [R in RelationNames<S, T>]?:
    | boolean
    | (RelationKind<S, T, R> extends "one"
        ? WithOneEntry<S, RelationTarget<S, T, R>>
        : WithManyEntry<S, RelationTarget<S, T, R>>);
} & RefusePrivateRelations<S, T>;

/** Arguments of `findMany`. `limit` defaults to 100 and may not exceed 1000 (both configurable). */
export interface FindManyArgs<S extends AnySchema, T extends TableNames<S>> {
  readonly where?: WhereInput<S, T>;
  readonly with?: WithInput<S, T>;
  readonly orderBy?: OrderByInput<S, T>;
  readonly limit?: number;
  readonly offset?: number;
  readonly columns?: ColumnsInput<S, T>;
}

/** Arguments of `findFirst`: those of `findMany` without `limit`. */
export type FindFirstArgs<S extends AnySchema, T extends TableNames<S>> = Omit<FindManyArgs<S, T>, "limit">;

/** Arguments of `iterate`: keyset pagination on the primary key, so no `orderBy`/`offset`. */
export interface IterateArgs<S extends AnySchema, T extends TableNames<S>> {
  readonly where?: WhereInput<S, T>;
  readonly with?: WithInput<S, T>;
  readonly columns?: ColumnsInput<S, T>;
  /** Rows per round trip (default 100, at most 1000). */
  readonly pageSize?: number;
  readonly direction?: "asc" | "desc";
  /** Total rows to yield (no ceiling). */
  readonly limit?: number;
}
