import type { SchemaModel } from "./model";
import { resolveSchema } from "./resolve/resolveSchema";
import type { Table } from "./table";
import type { UserFields } from "./userFields/UserField";

/** The argument of `schema({...})`: table definitions by name. */
export type SchemaTables = Readonly<Record<string, Table>>;

/**
 * A resolved schema: the table definitions (which carry the types `Row`/`Insert` infer from) and the
 * runtime `SchemaModel` every other Appflare package reads. The model also holds the built-in auth
 * tables and the synthesized junction tables.
 */
export interface Schema<Tables extends SchemaTables = SchemaTables, Fields extends UserFields = {}> {
  readonly "~kind": "schema";
  /**
   * Type-only: the `user.additionalFields` `withUserFields` added to `users` (never set at run time),
   * so `Row<S, "users">` and `ctx.db.users` include those columns.
   */
  readonly "~userFields"?: Fields;
  /** The app's table definitions, as passed to `schema({...})`. */
  readonly tables: Tables;
  readonly model: SchemaModel;
}

/**
 * Declares the app's schema. Relations are resolved here, so a broken schema throws a `SchemaError`
 * when the module loads (at build time), naming the table, the field and the fix.
 *
 * @example
 * export default schema({
 *   projects: table({ id: v.uuid(), name: v.string().notNull(), tasks: v.many("tasks") }),
 *   tasks: table({ id: v.uuid(), title: v.string().notNull(), project: v.one("projects") }),
 * });
 */
export function schema<const Tables extends SchemaTables>(tables: Tables): Schema<Tables> {
  const model = resolveSchema(tables);
  return Object.freeze({ "~kind": "schema", tables: Object.freeze({ ...tables }), model });
}

/**
 * The runtime model of a schema (same as `s.model`).
 *
 * @example
 * const tasks = getSchemaModel(s).tables.tasks;
 */
export function getSchemaModel(value: Schema): SchemaModel {
  return value.model;
}

/**
 * `true` for a value made by `schema(...)`; the CLI uses it to check a schema module's export.
 *
 * @example
 * if (!isSchema(mod.default)) throw new Error("schema.ts must `export default schema({...})`");
 */
export function isSchema(value: unknown): value is Schema {
  return (
    typeof value === "object" && value !== null && (value as { "~kind"?: unknown })["~kind"] === "schema"
  );
}
