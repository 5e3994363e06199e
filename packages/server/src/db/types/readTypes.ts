/**
 * Public types of the read side of `ctx.db` (docs/data-api.md): the where language, read arguments, result
 * rows inferred from `columns` / `with`, aggregates and groupBy — all derived from the schema value.
 */
export type {
  CountArgs,
  ExtremeAggregateArgs,
  FieldPath,
  FieldValue,
  GroupByArgs,
  GroupByOrderTerm,
  GroupByResult,
  NumericAggregateArgs,
} from "../read/types/aggregateTypes";
export type { ColumnData, NumericColumns, ScalarColumns } from "../read/types/columnData";
export type {
  ColumnsInput,
  FieldSelection,
  FindFirstArgs,
  FindManyArgs,
  IterateArgs,
  OrderByInput,
  OrderByTerm,
  RelationAggregateInput,
  WithInput,
  WithManyEntry,
  WithOneEntry,
} from "../read/types/findTypes";
export type { ReadMethods, Strict } from "../read/types/ReadMethods";
export type { AggregateResult, FindResult, HasAggregates, LoadsRows } from "../read/types/resultTypes";
export type {
  ComparisonOperators,
  DateOperand,
  FieldCondition,
  GeoWithinInput,
  JsonAnyCondition,
  JsonArrayCondition,
  JsonScalar,
  LengthCondition,
  TextOperators,
  WhereInput,
} from "../read/types/whereTypes";
