import type { AnySchema, TableNames } from "@appflare/schema";
import type {
  CountArgs,
  ExtremeAggregateArgs,
  FieldPath,
  FieldValue,
  GroupByArgs,
  GroupByResult,
  NumericAggregateArgs,
} from "./aggregateTypes";
import type { FindFirstArgs, FindManyArgs, IterateArgs } from "./findTypes";
import type { FindResult } from "./resultTypes";

/** Refuses keys of `A` that `Shape` does not have (generic arguments skip excess-property checks). */
export type Strict<A, Shape> = A & { readonly [K in Exclude<keyof A, keyof Shape>]: never };

/**
 * The reads of `ctx.db.<table>` (docs/data-api.md), typed from the schema: arguments are checked per
 * column and relation, and results follow `columns` and `with`.
 *
 * @example
 * const open = await ctx.db.tasks.findMany({
 *   where: { done: false }, columns: { id: true, title: true }, with: { project: { columns: { name: true } } },
 * });
 * open[0]?.project.name; // string
 */
export interface ReadMethods<S extends AnySchema, T extends TableNames<S>> {
  /** Rows matching `where`, with `with` relations loaded in the same round trip. */
  findMany<const A extends FindManyArgs<S, T> = {}>(
    args?: Strict<A, FindManyArgs<S, T>>,
  ): Promise<FindResult<S, T, A>[]>;
  /** The first row `findMany` would return, or null. */
  findFirst<const A extends FindFirstArgs<S, T> = {}>(
    args?: Strict<A, FindFirstArgs<S, T>>,
  ): Promise<FindResult<S, T, A> | null>;
  /** Every matching row, page by page (keyset on the primary key). */
  iterate<const A extends IterateArgs<S, T> = {}>(
    args?: Strict<A, IterateArgs<S, T>>,
  ): AsyncGenerator<FindResult<S, T, A>>;
  /** Number of matching rows (or non-NULL / distinct values of `field`). */
  count(args?: CountArgs<S, T>): Promise<number>;
  /** Sum of a numeric field; null when no non-NULL value. */
  sum(args: NumericAggregateArgs<S, T>): Promise<number | null>;
  /** Average of a numeric field; null when no non-NULL value. */
  avg(args: NumericAggregateArgs<S, T>): Promise<number | null>;
  /** Smallest value of a field, in the field's type. */
  min<const F extends FieldPath<S, T, "scalar">>(
    args: ExtremeAggregateArgs<S, T, F>,
  ): Promise<FieldValue<S, T, F> | null>;
  /** Largest value of a field, in the field's type. */
  max<const F extends FieldPath<S, T, "scalar">>(
    args: ExtremeAggregateArgs<S, T, F>,
  ): Promise<FieldValue<S, T, F> | null>;
  /** Aggregates per distinct combination of the `by` columns. */
  groupBy<const A extends GroupByArgs<S, T>>(
    args: Strict<A, GroupByArgs<S, T>>,
  ): Promise<GroupByResult<S, T, A>[]>;
}
