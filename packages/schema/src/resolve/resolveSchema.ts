import { authTables, isAuthTableName } from "../authTables";
import type { AnyColumnBuilder } from "../builders/ColumnBuilder";
import type { SchemaModel } from "../model";
import { isTable, type Table } from "../table";
import { type DraftTable, fail, type ResolveContext } from "./context";
import { freezeModel } from "./freezeModel";
import { resolveColumns } from "./resolveColumns";
import { resolveManyRelations } from "./resolveMany";
import { resolveManyToManyRelations } from "./resolveManyToMany";
import { resolveNames } from "./resolveNames";
import { resolveOneRelations } from "./resolveOne";

/** Options of {@link resolveSchema}. */
export interface ResolveOptions {
  /** Extra columns of the built-in `users` table (`withUserFields`), appended after its own fields. */
  readonly userColumns?: Readonly<Record<string, AnyColumnBuilder>>;
}

/**
 * Resolves table definitions into the runtime `SchemaModel`: columns and keys, `v.one` FKs, `v.many`
 * pairing (or FK synthesis), junction tables, SQL names, indexes and checks. Throws `SchemaError`.
 */
export function resolveSchema(
  definitions: Readonly<Record<string, unknown>>,
  options: ResolveOptions = {},
): SchemaModel {
  const context: ResolveContext = { tables: new Map() };
  for (const [name, value] of Object.entries(definitions)) {
    if (isAuthTableName(name)) {
      fail(
        "auth_table_defined",
        name,
        undefined,
        `"${name}" is a built-in auth table (users, sessions, accounts, verifications) and cannot be defined`,
        `remove "${name}" from schema({...}) and reference it with v.one("${name}"); add user fields through the auth config's user.additionalFields`,
      );
    }
    if (!isTable(value)) {
      fail(
        "invalid_table",
        name,
        undefined,
        "the value is not a table(...) definition",
        `wrap the fields in table({...}): ${name}: table({ id: v.uuid(), ... })`,
      );
    }
    context.tables.set(name, draft(name, "user", value));
  }
  for (const [name, value] of Object.entries(authTables))
    context.tables.set(name, draft(name, "auth", name === "users" ? withColumns(value, options) : value));
  const declared = [...context.tables.values()];
  for (const table of declared) resolveColumns(table);
  for (const table of declared) resolveOneRelations(context, table);
  for (const table of declared) resolveManyRelations(context, table);
  resolveManyToManyRelations(context);
  resolveNames(context);
  return freezeModel(context);
}

function withColumns(users: Table, options: ResolveOptions): Table {
  const extra = options.userColumns ?? {};
  if (Object.keys(extra).length === 0) return users;
  return Object.freeze({ ...users, shape: Object.freeze({ ...users.shape, ...extra }) });
}

function draft(name: string, origin: "user" | "auth", definition: Table): DraftTable {
  return {
    name,
    origin,
    definition,
    sqlName: "",
    columns: new Map(),
    relations: new Map(),
    primaryKey: "",
    indexes: [],
    checks: [],
  };
}
