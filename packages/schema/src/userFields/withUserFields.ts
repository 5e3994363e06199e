import { resolveSchema } from "../resolve/resolveSchema";
import type { Schema, SchemaTables } from "../schema";
import { registerPrivateUserFields } from "./privateUserFields";
import type { UserFields } from "./UserField";
import { userFieldColumns } from "./userFieldColumns";

interface Extension {
  readonly base: Schema;
  readonly fields: UserFields;
}

/** Schemas made here → the schema they extend and the fields they add. */
const extensions = new WeakMap<Schema, Extension>();
/** Base schema → fields object → result, so every layer of a Worker shares one extended schema. */
const results = new WeakMap<Schema, WeakMap<UserFields, Schema>>();

/**
 * The schema with Better Auth's `user.additionalFields` as extra columns of the built-in `users` table:
 * what drizzle-kit migrates, what the auth adapter writes through and what `ctx.db.users` reads. One
 * column per field, named `fieldName ?? key` (SQL: its snake_case). Types: `"string"` TEXT, `"number"`
 * REAL (`bigint: true`: INTEGER), `"boolean"` 0/1, `"date"` epoch ms, `"json"`/`"string[]"`/`"number[]"`
 * JSON TEXT, a list of strings an enum (TEXT). A literal `defaultValue` is the SQL DEFAULT; a function is
 * applied at run time only (by Better Auth, and by `ctx.db.users.insert`). NOT NULL only when the field
 * is required (Better Auth's default) and has a literal default, so the column can be added to a
 * table with rows; `references` are rejected; `returned: false` fields are hidden from `ctx.db`. Throws `UserFieldError` naming the field. No fields →
 * the same schema; applying it to a schema it made merges the fields (same fields → same schema).
 *
 * @example
 * const appSchema = withUserFields(schema, { plan: { type: "string", defaultValue: "free" } });
 * compileSchema(appSchema).tables.users; // has `plan` text DEFAULT 'free' NOT NULL
 */
export function withUserFields<Tables extends SchemaTables, const Fields extends UserFields = {}>(
  schema: Schema<Tables, UserFields>,
  fields: Fields | undefined,
): Schema<Tables, Fields> {
  // `~userFields` is type-only, so the same value serves as a schema with `Fields`.
  if (fields === undefined || Object.keys(fields).length === 0) return schema as Schema<Tables, Fields>;
  const previous = extensions.get(schema);
  if (previous?.fields === fields) return schema as Schema<Tables, Fields>;
  const base = (previous?.base ?? schema) as Schema<Tables, UserFields>;
  const all = previous === undefined ? fields : { ...previous.fields, ...fields };
  const byFields = results.get(base) ?? new WeakMap<UserFields, Schema>();
  const cached = byFields.get(all);
  if (cached !== undefined) return cached as Schema<Tables, Fields>;
  const model = resolveSchema(base.tables, { userColumns: userFieldColumns(all) });
  registerPrivateUserFields(model, all);
  const extended: Schema<Tables, Fields> = Object.freeze({ "~kind": "schema", tables: base.tables, model });
  extensions.set(extended, { base, fields: all });
  byFields.set(all, extended);
  results.set(base, byFields);
  return extended;
}
