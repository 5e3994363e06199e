import type { TableModel } from "../model";
import { describeValue } from "../values/describeValue";
import { isPlainObject } from "../values/isPlainObject";
import {
  childContext,
  didYouMean,
  elementContext,
  fail,
  failIfPrivate,
  hasOwn,
  ownEntries,
  rootContext,
  type WhereContext,
} from "./whereContext";

/** One ordering term, with the default direction filled in. */
export interface OrderByItem {
  readonly column: string;
  readonly direction: "asc" | "desc";
}

/**
 * Checks an `orderBy` argument — `{ column, direction? }` or an array of them — and returns the terms
 * with `direction` defaulted to "asc". Columns must be own columns of the table (so no quote,
 * semicolon or expression can reach SQL); `direction` is "asc" or "desc"; no other keys. `undefined`
 * means no ordering. Throws `WhereError` like `validateWhere`.
 *
 * @example
 * validateOrderBy(tasks, [{ column: "dueAt", direction: "desc" }, { column: "id" }]);
 * // [{ column: "dueAt", direction: "desc" }, { column: "id", direction: "asc" }]
 */
export function validateOrderBy(table: TableModel, orderBy: unknown): OrderByItem[] {
  const ctx = rootContext(table, "orderBy");
  if (orderBy === undefined) return [];
  if (Array.isArray(orderBy))
    return Array.from(orderBy, (item: unknown, index) => orderByItem(elementContext(ctx, index), item));
  return [orderByItem(ctx, orderBy)];
}

function orderByItem(ctx: WhereContext, item: unknown): OrderByItem {
  const shape = 'Expected { column: "name", direction?: "asc" | "desc" } or an array of them.';
  if (!isPlainObject(item))
    return fail(ctx, `An orderBy term must be an object, got ${describeValue(item)}`, shape);
  let column: string | undefined;
  let direction: "asc" | "desc" = "asc";
  for (const [key, value] of ownEntries(ctx, item)) {
    const keyCtx = childContext(ctx, key);
    if (key === "column") {
      column = orderByColumn(keyCtx, value);
    } else if (key === "direction") {
      if (value !== "asc" && value !== "desc") {
        fail(keyCtx, `orderBy direction must be "asc" or "desc", got ${describeValue(value)}`);
      }
      direction = value;
    } else {
      fail(keyCtx, `Unknown key "${key}"`, `${didYouMean(key, ["column", "direction"])}${shape}`);
    }
  }
  if (column === undefined) return fail(ctx, "An orderBy term needs a column", shape);
  return { column, direction };
}

function orderByColumn(ctx: WhereContext, value: unknown): string {
  const known = Object.keys(ctx.table.columns);
  if (typeof value !== "string")
    return fail(ctx, `orderBy column must be a column name, got ${describeValue(value)}`);
  if (!hasOwn(ctx.table.columns, value)) {
    failIfPrivate(ctx, value);
    return fail(
      ctx,
      `Unknown column ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`,
      `${didYouMean(value, known)}Columns: ${known.join(", ")}.`,
    );
  }
  return value;
}
