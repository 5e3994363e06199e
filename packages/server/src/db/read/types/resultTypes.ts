import type {
  AnySchema,
  RelationKind,
  RelationNames,
  RelationNullable,
  RelationTarget,
  Row,
  TableNames,
} from "@appflare/schema";
import type { Simplify } from "./columnData";

type AggregateKey = "_count" | "_avg" | "_sum" | "_min" | "_max";
type RowKey = "limit" | "offset" | "orderBy" | "columns" | "with";

/** Keys of `E` whose value is not `false`/`undefined`. */
type GivenKeys<E> = {
  [K in keyof E]-?: [Exclude<E[K], undefined>] extends [never] ? never : E[K] extends false ? never : K;
}[keyof E];

/** Whether a `with` entry loads rows: `true`, no aggregates, or some row argument. */
export type LoadsRows<E> = E extends true
  ? true
  : E extends object
    ? [Extract<GivenKeys<E>, AggregateKey>] extends [never]
      ? true
      : [Extract<GivenKeys<E>, RowKey>] extends [never]
        ? false
        : true
    : false;

/** Whether a `with` entry asks for aggregates. */
export type HasAggregates<E> = E extends object
  ? [Extract<GivenKeys<E>, AggregateKey>] extends [never]
    ? false
    : true
  : false;

/** The columns a `columns` selection keeps (all of them without one). */
type Selected<S extends AnySchema, T extends TableNames<S>, C> = [C] extends [undefined]
  ? Row<S, T>
  : [C] extends [object]
    ? { [K in keyof Row<S, T> as K extends keyof C ? (C[K] extends true ? K : never) : never]: Row<S, T>[K] }
    : Row<S, T>;

type EntryOf<A, K extends string> = A extends { readonly [P in K]?: infer V } ? V : undefined;

/** `<relation>Aggregate` of an entry: `{ count, avg: { f }, sum: { f }, min: { f }, max: { f } }`. */
export type AggregateResult<S extends AnySchema, T extends TableNames<S>, E> = Simplify<
  (E extends { readonly _count?: infer C } ? (C extends true ? { count: number } : {}) : {}) &
    (E extends { readonly _avg?: infer F }
      ? F extends object
        ? { avg: { -readonly [K in keyof F]: number | null } }
        : {}
      : {}) &
    (E extends { readonly _sum?: infer F }
      ? F extends object
        ? { sum: { -readonly [K in keyof F]: number | null } }
        : {}
      : {}) &
    (E extends { readonly _min?: infer F }
      ? F extends object
        ? { min: { -readonly [K in keyof F & keyof Row<S, T>]: NonNullable<Row<S, T>[K]> | null } }
        : {}
      : {}) &
    (E extends { readonly _max?: infer F }
      ? F extends object
        ? { max: { -readonly [K in keyof F & keyof Row<S, T>]: NonNullable<Row<S, T>[K]> | null } }
        : {}
      : {})
>;

/** The value of a loaded relation: an object (or null) for `one`, an array otherwise. */
type RelationValue<S extends AnySchema, T extends TableNames<S>, R extends RelationNames<S, T>, E> =
  RelationKind<S, T, R> extends "one"
    ?
        | FindResult<S, RelationTarget<S, T, R>, E extends object ? E : {}>
        | (RelationNullable<S, T, R> extends true
            ? null
            : E extends { readonly where: object }
              ? null
              : never)
    : FindResult<S, RelationTarget<S, T, R>, E extends object ? E : {}>[];

/** What `with` adds to a row: relations that load rows, and `<relation>Aggregate` for aggregates. */
type WithResult<S extends AnySchema, T extends TableNames<S>, W> = [W] extends [object]
  ? {
      [R in keyof W & RelationNames<S, T> as LoadsRows<W[R]> extends true ? R : never]: RelationValue<
        S,
        T,
        R,
        W[R]
      >;
    } & {
      [R in keyof W & RelationNames<S, T> as HasAggregates<W[R]> extends true
        ? `${R}Aggregate`
        : never]: AggregateResult<S, RelationTarget<S, T, R>, W[R]>;
    }
  : {};

/**
 * The row type a read returns for arguments `A`: the selected `columns` (every column without
 * `columns`), plus each `with` relation (nested rows typed the same way) and `<relation>Aggregate`.
 *
 * @example
 * type P = FindResult<typeof schema, "projects", { columns: { name: true }; with: { tasks: { _count: true } } }>;
 * // { name: string; tasksAggregate: { count: number } }
 */
export type FindResult<S extends AnySchema, T extends TableNames<S>, A> = Simplify<
  Selected<S, T, EntryOf<A, "columns">> & WithResult<S, T, EntryOf<A, "with">>
>;
