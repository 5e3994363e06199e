import { authTables, isPrivateAuthTable, PUBLIC_USER_FIELDS } from "../authTables";
import type { ColumnModel, RelationModel, SchemaModel, TableModel } from "../model";
import { privateUserFieldsOf } from "../userFields/privateUserFields";

/** Options of {@link dataModel}; the default is what `ctx.db` uses. */
export interface DataModelOptions {
  /** Built-in `users` fields to expose (default {@link PUBLIC_USER_FIELDS}); the rest stay private. */
  readonly publicUserFields?: readonly string[];
}

/** Built-in users fields that are columns (not the `sessions`/`accounts` relations). */
const BUILT_IN_USER_COLUMNS = new Set(
  Object.entries(authTables.users.shape)
    .filter(([, builder]) => builder["~kind"] === "column")
    .map(([name]) => name),
);

const defaultViews = new WeakMap<SchemaModel, SchemaModel>();
/** Every view this module made, so a view passed in again is returned as it is. */
const views = new WeakSet<SchemaModel>();
/** View table → field name → why `ctx.db` does not see it. */
const hidden = new WeakMap<TableModel, ReadonlyMap<string, string>>();

/**
 * The schema as `ctx.db` sees it (docs/auth.md): the auth tables `sessions`, `accounts` and
 * `verifications` are gone, every relation reaching them (e.g. `users.sessions`, or an app's
 * `v.one("sessions")`) is gone, and `users` keeps only its public built-in columns plus the app's
 * additional fields, except those Better Auth never returns (`returned: false`). Everything `ctx.db` does — where, relation filters, `with`, `columns`, `orderBy`,
 * aggregate and `groupBy` fields, writes — resolves names against this model, so a secret is not
 * refused by a list of checks but simply has no name. The auth layer and `ctx.$db` use the full
 * model. Views are cached per model; a view given again is returned unchanged.
 *
 * @example
 * const view = dataModel(schema.model);
 * "sessions" in view.tables; // false
 * privateFieldProblem(view.tables.users!, "sessions"); // 'Relation "sessions" of table "users" reaches …'
 */
export function dataModel(model: SchemaModel, options?: DataModelOptions): SchemaModel {
  if (views.has(model)) return model;
  if (options === undefined) {
    const cached = defaultViews.get(model);
    if (cached !== undefined) return cached;
  }
  const publicUserFields = new Set<string>(options?.publicUserFields ?? PUBLIC_USER_FIELDS);
  const tables: Record<string, TableModel> = {};
  const view: SchemaModel = Object.freeze({ tables });
  for (const table of Object.values(model.tables)) {
    if (isPrivateAuthTable(table.name)) continue;
    tables[table.name] = viewTable(table, view, publicUserFields, privateUserFieldsOf(model));
  }
  Object.freeze(tables);
  views.add(view);
  if (options === undefined) defaultViews.set(model, view);
  return view;
}

function viewTable(
  table: TableModel,
  view: SchemaModel,
  publicUserFields: ReadonlySet<string>,
  privateUserFields: ReadonlySet<string>,
): TableModel {
  const reasons = new Map<string, string>();
  const columns: Record<string, ColumnModel> = {};
  for (const column of Object.values(table.columns)) {
    const builtInPrivate = BUILT_IN_USER_COLUMNS.has(column.name) && !publicUserFields.has(column.name);
    const notReturned = privateUserFields.has(column.name);
    if (table.origin === "auth" && (builtInPrivate || notReturned)) {
      const why = notReturned ? " (an additional field with returned: false)" : "";
      reasons.set(
        column.name,
        `Column "${column.name}" of table "${table.name}" is private to the auth layer${why}`,
      );
    } else columns[column.name] = column;
  }
  const relations: Record<string, RelationModel> = {};
  for (const relation of Object.values(table.relations)) {
    if (isPrivateAuthTable(relation.target)) {
      reasons.set(
        relation.name,
        `Relation "${relation.name}" of table "${table.name}" reaches the auth table "${relation.target}", which holds secrets`,
      );
    } else {
      relations[relation.name] = relation;
    }
  }
  const result: TableModel = Object.freeze({
    ...table,
    columns: Object.freeze(columns),
    relations: Object.freeze(relations),
    schema: view,
  });
  hidden.set(result, reasons);
  return result;
}

/**
 * Why `ctx.db` refuses `field` of `table`, as the start of a 400 message, or `undefined` when the field
 * is not private (unknown fields get the usual "Unknown field" message).
 *
 * @example
 * privateFieldProblem(dataModel(model).tables.users!, "accounts");
 * // 'Relation "accounts" of table "users" reaches the auth table "accounts", which holds secrets: ctx.db cannot read, filter or aggregate it'
 */
export function privateFieldProblem(table: TableModel, field: string): string | undefined {
  const reason = hidden.get(table)?.get(field);
  return reason === undefined ? undefined : `${reason}: ctx.db cannot read, filter or aggregate it`;
}

/** The fix every private-field refusal names. */
export const PRIVATE_FIELD_FIX =
  "Secrets are read only by the auth layer (ctx.auth.api.*); ctx.$db is the explicit escape hatch.";
