import type { CompiledSchema, TableModel } from "@appflare/schema";
import { getTableColumns } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * Drizzle's `Table.Symbol.Columns` (a registered symbol, untyped in its public types): Drizzle reads a
 * table's columns through it for insert, update, select and returning.
 */
const DRIZZLE_COLUMNS = Symbol.for("drizzle:Columns");

/** The Drizzle tables Better Auth's adapter reads and writes (`usePlural` names). */
export interface BetterAuthTables {
  readonly users: SQLiteTable;
  readonly sessions: SQLiteTable;
  readonly accounts: SQLiteTable;
  readonly verifications: SQLiteTable;
}

/**
 * The auth tables of a compiled schema for Better Auth's Drizzle adapter. Pass the schema extended
 * with the app's `user.additionalFields` (`withUserFields`), so the adapter maps those columns.
 *
 * One adjustment: on SQLite, Better Auth JSON-encodes `"json"`, `"string[]"` and `"number[]"` values
 * itself (and decodes them on read), so the adapter gets those `users` columns as plain TEXT — through
 * the schema's JSON columns the value would be encoded twice, and `ctx.db.users` would read a string.
 *
 * @example
 * const tables = betterAuthTables(compileSchema(withUserFields(schema, fields)));
 * drizzleAdapter(db, { provider: "sqlite", usePlural: true, schema: tables });
 */
export function betterAuthTables(compiled: CompiledSchema): BetterAuthTables {
  const { users, sessions, accounts, verifications } = compiled.tables;
  const usersModel = compiled.model.tables.users;
  if (!users || !usersModel || !sessions || !accounts || !verifications) {
    throw new Error("createAuth: the schema has no auth tables; pass a value made by schema({...})");
  }
  return { users: withTextJson(users, usersModel), sessions, accounts, verifications };
}

/** `table` with its JSON columns passing text through unchanged (same SQL names and constraints). */
function withTextJson(table: SQLiteTable, model: TableModel): SQLiteTable {
  const json = Object.values(model.columns)
    .filter((column) => column.type === "json" || column.type === "enumArray")
    .map((column) => column.name);
  if (json.length === 0) return table;
  const columns: Record<string, SQLiteColumn> = { ...getTableColumns(table) };
  const own: PropertyDescriptorMap = {};
  for (const name of json) {
    const original = columns[name];
    if (original === undefined) continue;
    const text = Object.create(original, {
      mapToDriverValue: { value: (value: unknown) => value },
      mapFromDriverValue: { value: (value: unknown) => value },
    }) as SQLiteColumn;
    columns[name] = text;
    own[name] = { value: text, enumerable: true };
  }
  own[DRIZZLE_COLUMNS] = { value: columns };
  return Object.create(table, own) as SQLiteTable;
}
