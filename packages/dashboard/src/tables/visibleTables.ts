import type { SchemaModel, TableModel } from "@appflare/schema";

/**
 * The tables the Tables area lists: the app's own, by name. Auth tables are left out (users are
 * managed in the Users area through Better Auth; sessions, accounts and verifications hold secrets)
 * and so are manyToMany junction tables (edited from their relations' owners).
 *
 * @example
 * visibleTables(model).map((t) => t.name); // ["comments", "projects", "tasks"]
 */
export function visibleTables(model: SchemaModel): TableModel[] {
  return Object.values(model.tables)
    .filter((table) => table.origin === "user")
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The visible table called `name`, or `undefined` (unknown, auth or junction table). */
export function visibleTable(model: SchemaModel, name: string): TableModel | undefined {
  const table = Object.hasOwn(model.tables, name) ? model.tables[name] : undefined;
  return table?.origin === "user" ? table : undefined;
}
