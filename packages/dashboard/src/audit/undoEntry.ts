import { AppflareError, InvalidQueryError, NotFoundError } from "@appflare/server";
import { reviveSnapshot, rowKeyValue, rowSnapshot, sameSnapshot } from "../tables/rowSnapshot";
import { auditFor, createRow, deleteRow, updateRow, type WriteCall, withTable } from "../tables/rowWrites";
import { visibleTable } from "../tables/visibleTables";

/** 409: the row changed after the audited write, so undoing it would overwrite someone's work. */
export class UndoConflictError extends AppflareError {
  constructor(message: string) {
    super(409, { code: "undo_conflict", message });
  }
}

/**
 * Undoes audit entry `id` when its row still holds exactly what that write left: an insert is
 * deleted, an update restores the previous values, a delete re-inserts the row. The undo is itself
 * a dashboard write (validated, audited, seen by realtime) and marks the entry undone.
 *
 * @example
 * await undoEntry(call, 42);
 */
export async function undoEntry<Env extends object>(call: WriteCall<Env>, id: number): Promise<void> {
  const entry = await auditFor(call).get(id);
  if (!entry) throw new NotFoundError(`No audit entry ${id}`);
  if (entry.undoneBy !== null)
    throw new UndoConflictError(`Entry ${id} was already undone by entry ${entry.undoneBy}`);
  const table = visibleTable(call.runtime.model, entry.table);
  if (!table) throw new InvalidQueryError(`Table "${entry.table}" of entry ${id} is no longer in the schema`);
  const key = rowKeyValue(table, entry.rowKey);
  const current = await withTable(call, table, (api) =>
    api.findFirst({ where: { [table.primaryKey]: key } }),
  );
  const now = current ? rowSnapshot(current) : null;
  if (!sameSnapshot(now, entry.after)) {
    throw new UndoConflictError(
      `${entry.table} row ${entry.rowKey} changed after entry ${id}: undo refused so that later change is not lost`,
    );
  }
  if (entry.action === "insert") {
    await deleteRow(call, table, key, id);
  } else if (entry.action === "update" && entry.before) {
    const { [table.primaryKey]: _key, ...set } = reviveSnapshot(table, entry.before);
    await updateRow(call, table, key, set, id);
  } else if (entry.action === "delete" && entry.before) {
    await createRow(call, table, reviveSnapshot(table, entry.before), id);
  }
}
