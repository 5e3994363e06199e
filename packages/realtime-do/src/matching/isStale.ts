import { matchesWhere, type SchemaModel, type TableModel } from "@appflare/schema";
import type { RealtimeEvent, RealtimeRead } from "../RealtimeExecutor";

/**
 * Whether a committed write can change the result of a query that made `reads` (the realtime-do README
 * "Realtime path"): some read is `unknown` (a `ctx.$db` access), or is on the event's table and a
 * before- or after-row satisfies its `where` (`null` = any row). A limit or order never narrows a
 * read, and a `where` that needs relation data the row does not carry counts as a match: sound first,
 * precise second.
 *
 * A write that leaves every row it touched exactly as it was (an update setting a value the row
 * already had, a many-to-many merge of links that exist) changes no result, whatever it matched.
 *
 * @example
 * isStale(model, [{ table: "tasks", where: { done: { eq: false } } }], {
 *   kind: "update", table: "tasks", before: [{ id: 1, done: true }], after: [{ id: 1, done: true }],
 * }); // false: neither image is an undone task
 */
export function isStale(model: SchemaModel, reads: readonly RealtimeRead[], event: RealtimeEvent): boolean {
  if (leavesTableAsItWas(event)) return false;
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

const unchanged = new WeakMap<RealtimeEvent, boolean>();

/** Whether the event's after-rows are exactly its before-rows (as multisets), cached per event. */
function leavesTableAsItWas(event: RealtimeEvent): boolean {
  let answer = unchanged.get(event);
  if (answer === undefined) {
    answer =
      event.before.length === event.after.length &&
      event.before.length > 0 &&
      sameTexts(event.before.map(rowText), event.after.map(rowText));
    unchanged.set(event, answer);
  }
  return answer;
}

function sameTexts(a: string[], b: string[]): boolean {
  a.sort();
  b.sort();
  return a.every((text, i) => text === b[i]);
}

/** A row as text with its keys sorted (Date → ISO, as JSON does). */
function rowText(row: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  );
}
