import type { TableModel } from "@appflare/schema";
import type { SqlParam } from "../sql";

/** The value of one column of a row about to be inserted. */
export type Cell =
  | { readonly kind: "value"; readonly value: SqlParam }
  /** The `field` of another row of the same write, possibly not inserted yet (e.g. its new id). */
  | { readonly kind: "ref"; readonly node: InsertNode; readonly field: string };

/**
 * One row a write inserts: a top-level value, a nested relation target or child, or a junction row.
 * Rows are inserted in dependency order; a row whose integer key SQLite assigns (`autoKey`) is
 * referenced by later statements through its position among the write's new rows of its table (see
 * `InsertEmitter`).
 */
export interface InsertNode {
  readonly table: TableModel;
  /** Field → cell, for the fields this insert writes (others get their SQL default). */
  readonly cells: Map<string, Cell>;
  /** Rows that must be inserted first (the rows its `ref` cells point at). */
  readonly deps: InsertNode[];
  /** The integer primary key is left to SQLite. */
  autoKey: boolean;
  /** Set when emitted: statement index and position in that statement's RETURNING rows. */
  emitted?: { readonly statement: number; readonly position: number };
  /** Set when emitted, for `autoKey` rows: 0-based order among the write's auto-key rows of the table. */
  autoOrdinal?: number;
}

/** A valid `Cell` holding a bound value. */
export const valueCell = (value: SqlParam): Cell => ({ kind: "value", value });

/** A `Cell` pointing at `field` of `node`; records the dependency on `from`. */
export function refCell(from: InsertNode | undefined, node: InsertNode, field: string): Cell {
  if (from && !from.deps.includes(node)) from.deps.push(node);
  return { kind: "ref", node, field };
}
