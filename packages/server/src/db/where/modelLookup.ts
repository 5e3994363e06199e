import type { ColumnModel, SchemaModel, TableModel } from "@appflare/schema";

/** The model's table by TS name; a missing one means the model itself is broken, not the query. */
export function tableOf(scope: { readonly model: SchemaModel }, name: string): TableModel {
  const table = Object.hasOwn(scope.model.tables, name) ? scope.model.tables[name] : undefined;
  if (table === undefined) throw new Error(`Schema model is inconsistent: no table "${name}".`);
  return table;
}

/** A column of a table by field name; a missing one means the model itself is broken. */
export function columnOf(table: TableModel, field: string): ColumnModel {
  const column = Object.hasOwn(table.columns, field) ? table.columns[field] : undefined;
  if (column === undefined)
    throw new Error(`Schema model is inconsistent: table "${table.name}" has no column "${field}".`);
  return column;
}
