/** Operators the filter bar offers (a subset of the where language, docs/data-docs/). */
export const FILTER_OPERATORS = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "contains",
  "startsWith",
  "endsWith",
  "in",
  "exists",
] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** One filter of the filter bar: `field op value` (the value as typed). */
export interface Filter {
  readonly field: string;
  readonly op: FilterOperator;
  readonly value: string;
}

/**
 * A table view as its URL states it: `f`/`o`/`v` (repeated, one triple per filter), `q` (text search),
 * `sort` + `dir`, `after` (keyset cursor), `row` (the open row's key), `new` (the create form).
 */
export interface ListQuery {
  readonly filters: readonly Filter[];
  readonly q: string;
  readonly sort: string;
  readonly dir: "asc" | "desc";
  readonly after: string | undefined;
  readonly row: string | undefined;
  readonly creating: boolean;
}
