import type { SchemaModel, TableModel } from "@appflare/schema";
import {
  CheckViolationError,
  type DbError,
  ForeignKeyViolationError,
  NotNullViolationError,
  UniqueViolationError,
} from "../errors/DbError";

/**
 * Turns a D1/SQLite constraint error into the matching {@link DbError} with TS table and field names
 * (docs/data-api.md). Anything else is returned unchanged, for the caller to rethrow: the HTTP
 * layer turns unknown errors into a 500 that reveals nothing.
 *
 * D1 reports constraint failures as text, e.g.
 * `D1_ERROR: UNIQUE constraint failed: tasks.title: SQLITE_CONSTRAINT (extended: ...)`; a multi-column
 * unique lists every `table.column`; a FOREIGN KEY failure names no table, so `table` (the table the
 * failing write targeted) is reported; CHECK failures name the constraint; NOT NULL names `table.column`.
 *
 * @example
 * try { await executor.batch(statements) } catch (e) { throw mapD1Error(e, model, "tasks") }
 */
export function mapD1Error(error: unknown, model: SchemaModel, table: string): unknown {
  const message = errorText(error);
  if (message === undefined) return error;
  let m = /UNIQUE constraint failed: (.+?)(?::\s*SQLITE_|$)/.exec(message);
  if (m) {
    const located = locateColumns(model, m[1]!);
    return located ? new UniqueViolationError(located.table, located.fields) : error;
  }
  if (/FOREIGN KEY constraint failed/.test(message)) return new ForeignKeyViolationError(table);
  m = /CHECK constraint failed: (.+?)(?::\s*SQLITE_|$)/.exec(message);
  if (m) return new CheckViolationError(m[1]!.trim());
  m = /NOT NULL constraint failed: (.+?)(?::\s*SQLITE_|$)/.exec(message);
  if (m) {
    const located = locateColumns(model, m[1]!);
    return located ? new NotNullViolationError(located.table, located.fields) : error;
  }
  return error;
}

/** The text of a D1 error; D1 puts the SQLite message in `message` and again in `cause.message`. */
function errorText(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const cause = error.cause instanceof Error ? ` ${error.cause.message}` : "";
  return error.message + cause;
}

/**
 * `tasks.title, tasks.done` (SQL names) → TS table and fields. SQLite names a unique *index* over
 * expressions as `index 'name'`; that maps through the model's indexes.
 */
function locateColumns(model: SchemaModel, list: string): { table: string; fields: string[] } | undefined {
  const index = /^index '(.+)'$/.exec(list.trim());
  if (index) return locateIndex(model, index[1]!);
  let table: TableModel | undefined;
  const fields: string[] = [];
  for (const part of list.split(",")) {
    const dot = part.trim().lastIndexOf(".");
    if (dot < 0) return undefined;
    const sqlTable = part.trim().slice(0, dot);
    const sqlColumn = part.trim().slice(dot + 1);
    table ??= Object.values(model.tables).find((t) => t.sqlName === sqlTable);
    if (table === undefined) return undefined;
    const column = Object.values(table.columns).find((c) => c.sqlName === sqlColumn);
    fields.push(column?.name ?? sqlColumn);
  }
  return table ? { table: table.name, fields } : undefined;
}

function locateIndex(model: SchemaModel, name: string): { table: string; fields: string[] } | undefined {
  for (const table of Object.values(model.tables)) {
    const index = table.indexes.find((i) => i.name === name);
    if (index) return { table: table.name, fields: [...index.columns] };
  }
  return undefined;
}
