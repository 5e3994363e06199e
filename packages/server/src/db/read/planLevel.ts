import {
  type ColumnModel,
  type NormalizedWhere,
  normalizeWhere,
  type OrderByItem,
  type RelationModel,
  type TableModel,
  validateColumns,
  validateOrderBy,
  WHERE_LIMITS,
  WhereError,
} from "@appflare/schema";
import { describeValue, isPlainObject } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import type { QueryLimits } from "../DbRuntime";
import { columnOf, tableOf } from "../where/modelLookup";
import { refusePrivateField } from "../where/refusePrivateField";
import { invalidQuery } from "../where/toInvalidQuery";
import { planAggregates } from "./planAggregates";
import type { LevelPlan, RelationPlan } from "./ReadPlan";
import { readArgs, readCount } from "./readArgs";

/** What a level needs beyond its arguments. */
export interface LevelContext {
  readonly limits: QueryLimits;
  /** Where the level sits, for messages: `findMany on table "tasks"`, `with.labels`. */
  readonly label: string;
  /** `with` nesting depth of this level (top level = 0). */
  readonly depth: number;
  /** Limit when the arguments give none. */
  readonly defaultLimit: number;
  /** Columns the caller needs read even if `columns` leaves them out. */
  readonly hidden: readonly ColumnModel[];
}

const WITH_KEYS = [
  "where",
  "limit",
  "offset",
  "orderBy",
  "columns",
  "with",
  "_count",
  "_avg",
  "_sum",
  "_min",
  "_max",
];
const AGGREGATE_KEYS = ["_count", "_avg", "_sum", "_min", "_max"];
const ROW_KEYS = ["limit", "offset", "orderBy", "columns", "with"];

/**
 * Resolves the arguments of one level (`where`, `orderBy`, `limit`, `offset`, `columns`, `with`)
 * into a {@link LevelPlan}, validating everything first: any problem throws the 400
 * `InvalidQueryError` naming the table, the argument and the fix.
 *
 * Ordering: the given terms, then the primary key in the last term's direction (ascending when no
 * term is given), so results never depend on SQLite's scan order.
 *
 * @example
 * const plan = planLevel(tasks, readArgs(args, label, ["where", "limit"]), {
 *   limits, label, depth: 0, defaultLimit: limits.defaultLimit, hidden: [],
 * });
 */
export function planLevel(
  table: TableModel,
  args: ReadonlyMap<string, unknown>,
  ctx: LevelContext,
): LevelPlan {
  const where = args.has("where") ? normalizeAt(table, args.get("where"), ctx.label) : undefined;
  const orderBy = withKeyOrder(
    table,
    at(ctx.label, () => validateOrderBy(table, args.get("orderBy"))),
  );
  const limit = args.has("limit")
    ? readCount(args.get("limit"), "limit", ctx.label, ctx.limits.maxLimit)
    : ctx.defaultLimit;
  const offset = args.has("offset") ? readCount(args.get("offset"), "offset", ctx.label) : 0;
  const columns = args.has("columns")
    ? at(ctx.label, () => validateColumns(table, args.get("columns"))).map((name) => columnOf(table, name))
    : Object.values(table.columns);
  const relations = args.has("with") ? planWith(table, args.get("with"), ctx) : [];
  const needed = new Set<ColumnModel>(ctx.hidden);
  for (const plan of relations) needed.add(columnOf(table, plan.relation.sourceField));
  const hiddenColumns = [...needed].filter((column) => !columns.includes(column));
  return { table, where, orderBy, limit, offset, columns, hiddenColumns, relations };
}

/** Primary key field(s) of a table: both junction keys for a composite key. */
export function keyColumns(table: TableModel): ColumnModel[] {
  return (table.compositeKey ?? [table.primaryKey]).map((name) => columnOf(table, name));
}

function withKeyOrder(table: TableModel, terms: OrderByItem[]): OrderByItem[] {
  const direction = terms.length > 0 ? terms[terms.length - 1]!.direction : "asc";
  const out = [...terms];
  for (const key of keyColumns(table)) {
    if (!out.some((term) => term.column === key.name)) out.push({ column: key.name, direction });
  }
  return out;
}

function planWith(table: TableModel, value: unknown, ctx: LevelContext): RelationPlan[] {
  if (!isPlainObject(value)) {
    invalidQuery(
      `with of ${ctx.label} must be an object like { relation: true }, got ${describeValue(value)}`,
    );
  }
  if (ctx.depth + 1 > WHERE_LIMITS.maxDepth) {
    invalidQuery(
      `with of ${ctx.label} is nested more than ${WHERE_LIMITS.maxDepth} levels deep`,
      "Load fewer levels.",
    );
  }
  const relationNames = Object.keys(table.relations);
  const plans: RelationPlan[] = [];
  for (const name of Object.keys(value)) {
    const entry = value[name];
    if (entry === undefined || entry === false) continue;
    if (!Object.hasOwn(table.relations, name)) {
      refusePrivateField(table, name, `with of ${ctx.label}`);
      invalidQuery(
        `Unknown relation "${name}" in with of ${ctx.label} (table "${table.name}")`,
        relationNames.length > 0
          ? `Relations: ${relationNames.join(", ")}.`
          : `Table "${table.name}" has no relations.`,
      );
    }
    plans.push(
      planRelation(table, table.relations[name]!, entry, { ...ctx, label: `${labelPath(ctx)}with.${name}` }),
    );
  }
  return plans;
}

function labelPath(ctx: LevelContext): string {
  return ctx.depth === 0 ? `${ctx.label}: ` : `${ctx.label}.`;
}

function planRelation(
  source: TableModel,
  relation: RelationModel,
  entry: unknown,
  ctx: LevelContext,
): RelationPlan {
  const target = tableOf({ model: source.schema }, relation.target);
  if (entry !== true && !isPlainObject(entry)) {
    invalidQuery(
      `${ctx.label} must be true or an object like { where, limit, columns }, got ${describeValue(entry)}`,
    );
  }
  const args = readArgs(entry === true ? {} : entry, ctx.label, WITH_KEYS);
  const aggregateKeys = AGGREGATE_KEYS.filter((key) => args.has(key) && args.get(key) !== false);
  if (relation.kind === "one") {
    const refused = [...aggregateKeys, ...["limit", "offset", "orderBy"].filter((key) => args.has(key))];
    if (refused.length > 0) {
      invalidQuery(
        `${ctx.label} is a one relation, so "${refused[0]}" does not apply`,
        "A one relation loads a single row (or null); use where, columns and with.",
      );
    }
  }
  // An entry with only aggregates (and where) asks for numbers, not rows: rows load when the entry is
  // `true`, has no aggregate, or names a row argument.
  const loadsRows = aggregateKeys.length === 0 || ROW_KEYS.some((key) => args.has(key));
  const where = args.has("where") ? normalizeAt(target, args.get("where"), ctx.label) : undefined;
  const aggregates = aggregateKeys.length > 0 ? planAggregates(target, args, ctx.label) : undefined;
  const hidden = relation.kind === "manyToMany" ? [columnOf(target, relation.targetField)] : [];
  const rows = loadsRows
    ? planLevel(target, args, {
        limits: ctx.limits,
        label: ctx.label,
        depth: ctx.depth + 1,
        defaultLimit: ctx.limits.maxLimit,
        hidden,
      })
    : undefined;
  return { name: relation.name, relation, target, where, rows, aggregates };
}

/** Normalizes a where, naming where it sits when it fails. */
function normalizeAt(table: TableModel, where: unknown, label: string): NormalizedWhere {
  return at(label, () => normalizeWhere(table, where));
}

/** Runs a filter-model validation; a WhereError becomes a 400 whose message also says which read. */
function at<T>(label: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof WhereError) throw new InvalidQueryError(`${error.message} (in ${label})`);
    throw error;
  }
}
