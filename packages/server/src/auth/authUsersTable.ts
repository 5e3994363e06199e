import { type ColumnModel, type TableModel, toSnakeCase } from "@appflare/schema";
import { getTableColumns } from "drizzle-orm";
import {
  integer,
  real,
  type SQLiteColumnBuilderBase,
  type SQLiteTable,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";

/** The part of a Better Auth `additionalFields` entry that decides its column. */
export interface AdditionalFieldColumn {
  readonly type: unknown;
  /** Better Auth's name for the column's Drizzle property (default: the field's key). */
  readonly fieldName?: string;
}

/**
 * The Drizzle `users` table Better Auth reads and writes through. When the app's
 * `user.additionalFields` name columns the compiled schema does not have, it is rebuilt from the
 * schema's `users` model plus one column per missing field (SQL name in snake_case, like every
 * Appflare column). The table only maps values for the adapter — the migration that adds the columns
 * is the schema's job — so keys and constraints are left out.
 *
 * @example
 * const users = authUsersTable(compiled.tables.users, schema.model.tables.users, { plan: { type: "string" } });
 */
export function authUsersTable(
  compiled: SQLiteTable,
  model: TableModel,
  additionalFields: Readonly<Record<string, AdditionalFieldColumn>> | undefined,
): SQLiteTable {
  const existing = getTableColumns(compiled);
  const missing = Object.entries(additionalFields ?? {}).filter(
    ([key, field]) => !Object.hasOwn(existing, propertyKey(key, field)),
  );
  if (missing.length === 0) return compiled;
  const columns: Record<string, SQLiteColumnBuilderBase> = {};
  for (const column of Object.values(model.columns)) columns[column.name] = modelColumn(column);
  for (const [key, field] of missing) {
    const property = propertyKey(key, field);
    columns[property] = fieldColumn(key, field, toSnakeCase(property));
  }
  return sqliteTable(model.sqlName, columns);
}

const propertyKey = (key: string, field: AdditionalFieldColumn) => field.fieldName ?? key;

function modelColumn(column: ColumnModel): SQLiteColumnBuilderBase {
  const name = column.sqlName;
  switch (column.type) {
    case "int":
      return integer(name);
    case "real":
      return real(name);
    case "boolean":
      return integer(name, { mode: "boolean" });
    case "date":
      return integer(name, { mode: "timestamp_ms" });
    case "json":
    case "enumArray":
      return text(name, { mode: "json" });
    default:
      return text(name);
  }
}

/** Better Auth field types → the column conventions of the schema DSL (dates as epoch ms, JSON as TEXT). */
function fieldColumn(key: string, field: AdditionalFieldColumn, name: string): SQLiteColumnBuilderBase {
  const type = field.type;
  if (Array.isArray(type) || type === "string") return text(name);
  if (type === "number") return real(name);
  if (type === "boolean") return integer(name, { mode: "boolean" });
  if (type === "date") return integer(name, { mode: "timestamp_ms" });
  if (type === "json" || type === "string[]" || type === "number[]") return text(name, { mode: "json" });
  throw new TypeError(
    `auth.options.user.additionalFields.${key}: unsupported type ${JSON.stringify(type)}; use "string", "number", "boolean", "date", "json", "string[]", "number[]" or a list of string values`,
  );
}
