import type { ColumnModel, TableModel } from "@appflare/schema";
import { parseFieldText } from "./parseFieldText";

/** Row values read from a form, or the per-field problems that stop the write. */
export type FormValues =
  | { readonly ok: true; readonly values: Record<string, unknown> }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/**
 * Whether the row form shows `column`: every column but an auto-increment key, and on edit the key
 * is shown read-only (rows are addressed by it).
 */
export function editableColumns(table: TableModel): ColumnModel[] {
  return Object.values(table.columns).filter((c) => !c.autoIncrement);
}

/**
 * Turns the row form into `ctx.db` values: text boxes into their column's type, JSON text parsed,
 * empty boxes into `null` (nullable columns) or left out on create (columns with a default). Type and
 * shape checks beyond parsing are left to `ctx.db`, so the schema's own validation decides.
 *
 * @example
 * formValues(tasks, { title: "Ship", done: "false" }, "create"); // { ok: true, values: { title: "Ship", done: false } }
 */
export function formValues(
  table: TableModel,
  form: Readonly<Record<string, unknown>>,
  mode: "create" | "edit",
): FormValues {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const column of editableColumns(table)) {
    if (mode === "edit" && column.name === table.primaryKey) continue;
    const raw = form[column.name];
    const text = typeof raw === "string" ? raw : "";
    if (text.trim() === "") {
      const hasDefault = column.hasSqlDefault || column.defaultFn !== undefined;
      if (mode === "create" && (hasDefault || column.primaryKey)) continue;
      if (!column.notNull) values[column.name] = null;
      else if (column.type === "string") values[column.name] = "";
      else errors[column.name] = `${column.name} is required`;
      continue;
    }
    const parsed = parseFieldText(column, text);
    if (parsed.ok) values[column.name] = parsed.value;
    else errors[column.name] = parsed.error;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}

/** A stored value as the row form shows it in its input. */
export function fieldText(column: ColumnModel, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (column.type === "json" || column.type === "enumArray") return JSON.stringify(value, null, 2);
  return String(value);
}
