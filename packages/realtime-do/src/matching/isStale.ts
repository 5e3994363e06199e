import { matchesWhere, type SchemaModel, type TableModel } from "@appflare/schema";
import type { RealtimeEvent, RealtimeRead } from "../RealtimeExecutor";

/**
 * Whether a committed write can change the result of a query that made `reads` (architecture.md
 * "Realtime path"): some read is `unknown` (a `ctx.$db` access), or is on the event's table and a
 * before- or after-row satisfies its `where` (`null` = any row). A limit or order never narrows a
 * read, and a `where` that needs relation data the row does not carry counts as a match: sound first,
 * precise second.
 *
 * @example
 * isStale(model, [{ table: "tasks", where: { done: { eq: false } } }], {
 *   kind: "update", table: "tasks", before: [{ id: 1, done: true }], after: [{ id: 1, done: true }],
 * }); // false: neither image is an undone task
 */
export function isStale(model: SchemaModel, reads: readonly RealtimeRead[], event: RealtimeEvent): boolean {
  for (const read of reads) {
    if ("unknown" in read) return true;
    if (read.table !== event.table) continue;
    if (read.where === null || read.where === undefined) return true;
    const table = model.tables[read.table];
    if (table === undefined) return true;
    if (anyRowMatches(table, read.where, event.before) || anyRowMatches(table, read.where, event.after)) {
      return true;
    }
  }
  return false;
}

function anyRowMatches(
  table: TableModel,
  where: unknown,
  rows: readonly Readonly<Record<string, unknown>>[],
): boolean {
  for (const row of rows) {
    try {
      if (matchesWhere(table, where, row) !== false) return true;
    } catch {
      // A where the evaluator cannot judge (schema drift between a stored read and a deploy): re-run.
      return true;
    }
  }
  return false;
}
