import type { ColumnModel, NormalizedWhere, OrderByItem, RelationModel, TableModel } from "@appflare/schema";

/** Aggregates requested on a relation (`with: { tasks: { _count: true, _avg: { hours: true } } }`). */
export interface AggregatePlan {
  readonly count: boolean;
  readonly avg: readonly ColumnModel[];
  readonly sum: readonly ColumnModel[];
  readonly min: readonly ColumnModel[];
  readonly max: readonly ColumnModel[];
}

/** One `with` entry: a relation to load rows of, aggregate over, or both. */
export interface RelationPlan {
  readonly name: string;
  readonly relation: RelationModel;
  readonly target: TableModel;
  /** Normalized where on the target, applied to the rows and the aggregates. */
  readonly where: NormalizedWhere | undefined;
  /** Rows to load; `undefined` when the entry asked for aggregates only. */
  readonly rows: LevelPlan | undefined;
  readonly aggregates: AggregatePlan | undefined;
}

/**
 * One table level of a read: the top-level rows, or the rows of a `with` relation (which then live
 * inside a JSON sub-select). Validated and resolved against the model, ready to compile.
 */
export interface LevelPlan {
  readonly table: TableModel;
  readonly where: NormalizedWhere | undefined;
  /** The user's terms followed by the primary key (for a deterministic order). */
  readonly orderBy: readonly OrderByItem[];
  readonly limit: number;
  readonly offset: number;
  /** Columns the caller asked for, in declaration order. */
  readonly columns: readonly ColumnModel[];
  /**
   * Columns read but not returned: keys the read records (relation keys, manyToMany target keys)
   * and keyset pagination need even when `columns` leaves them out.
   */
  readonly hiddenColumns: readonly ColumnModel[];
  readonly relations: readonly RelationPlan[];
}

/** Columns a level selects: returned ones first, then hidden ones. */
export function selectedColumns(level: LevelPlan): readonly ColumnModel[] {
  return level.hiddenColumns.length === 0 ? level.columns : [...level.columns, ...level.hiddenColumns];
}
