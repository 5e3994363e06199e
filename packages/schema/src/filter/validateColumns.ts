import type { TableModel } from "../model";
import { describeValue } from "../values/describeValue";
import { isPlainObject } from "../values/isPlainObject";
import {
  childContext,
  didYouMean,
  fail,
  failIfPrivate,
  hasOwn,
  ownEntries,
  rootContext,
} from "./whereContext";

/**
 * Checks a `columns` selection (`{ field: true, … }`) and returns the selected column names in the
 * table's declaration order. Keys must be own columns of the table and values exactly `true`.
 * `{}` selects nothing (returns []); what that means for a query is the caller's decision.
 * Throws `WhereError` like `validateWhere`.
 *
 * @example
 * validateColumns(tasks, { title: true, id: true }); // ["id", "title"]
 */
export function validateColumns(table: TableModel, columns: unknown): string[] {
  const ctx = rootContext(table, "columns");
  if (!isPlainObject(columns)) {
    return fail(ctx, `columns must be an object like { field: true }, got ${describeValue(columns)}`);
  }
  const known = Object.keys(table.columns);
  const selected = new Set<string>();
  for (const [key, value] of ownEntries(ctx, columns)) {
    const keyCtx = childContext(ctx, key);
    if (!hasOwn(table.columns, key)) {
      failIfPrivate(keyCtx, key);
      const relation = hasOwn(table.relations, key)
        ? ` "${key}" is a relation: load it with with: { ${key}: true }.`
        : "";
      fail(
        keyCtx,
        `Unknown column "${key}"`,
        `${didYouMean(key, known)}Columns: ${known.join(", ")}.${relation}`,
      );
    }
    if (value !== true) {
      fail(
        keyCtx,
        `columns.${key} must be true, got ${describeValue(value)}`,
        "List only the columns to select.",
      );
    }
    selected.add(key);
  }
  return known.filter((name) => selected.has(name));
}
