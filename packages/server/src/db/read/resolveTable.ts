import type { SchemaModel, TableModel } from "@appflare/schema";
import { invalidQuery } from "../where/toInvalidQuery";

/**
 * The model of a table named by a read; an unknown name is a 400 listing the tables.
 *
 * @example
 * const tasks = resolveTable(runtime.model, "tasks");
 */
export function resolveTable(model: SchemaModel, name: string): TableModel {
  const table = Object.hasOwn(model.tables, name) ? model.tables[name] : undefined;
  if (table === undefined) {
    invalidQuery(`Unknown table "${name}"`, `Tables: ${Object.keys(model.tables).join(", ")}.`);
  }
  return table;
}
