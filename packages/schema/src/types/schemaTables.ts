import type { AuthTableName, AuthTables, PrivateAuthTableName, PublicUserField } from "../authTables";
import type { ColumnBuilder, ColumnConfig } from "../builders/ColumnBuilder";
import type { Schema, SchemaTables } from "../schema";
import type { Table, TableShape } from "../table";
import type { UserFields } from "../userFields/UserField";
import type { UserFieldShape } from "../userFields/UserFieldShape";

/** Any schema value; the constraint of every type helper. */
export type AnySchema = Schema<SchemaTables>;

/** The app's tables plus the built-in auth tables (junction tables are runtime-only). */
export type AllTables<S extends AnySchema> = S["tables"] & AuthTables;

/** Type-only brand of {@link DbView}. */
export interface DbViewBrand {
  readonly "~dbView": true;
}

/**
 * Schema `S` as `ctx.db` sees it (the type of the runtime `dataModel`): no `sessions`, `accounts`,
 * `verifications` tables, no relation reaching them, and only the public columns of `users`. Every
 * type helper given a `DbView` answers for the view.
 *
 * @example
 * type T = TableNames<DbView<typeof schema>>; // "projects" | "tasks" | "users" (no "sessions")
 */
export type DbView<S extends AnySchema> = S & DbViewBrand;

/**
 * Names of the tables of a schema, auth tables included (`"users" | "sessions" | ...`); of a
 * {@link DbView}, without the private auth tables.
 * Synthesized junction tables are not listed: reach them through their `manyToMany` relation.
 */
export type TableNames<S extends AnySchema> = S extends DbViewBrand
  ? Exclude<keyof AllTables<S> & string, PrivateAuthTableName>
  : keyof AllTables<S> & string;

/** Built-in `users` columns that are not public: private to the auth layer (default-deny). */
type PrivateUserColumns<Shape> = Exclude<
  {
    [K in keyof Shape & string]: [ConfigOf<Shape, K>] extends [never] ? never : K;
  }[keyof Shape & string],
  PublicUserField
>;

/** The `users` shape, without its private built-in columns in a {@link DbView}. */
type UsersShape<S extends AnySchema, Shape> = S extends DbViewBrand
  ? [PrivateUserColumns<Shape>] extends [never]
    ? Shape
    : Omit<Shape, PrivateUserColumns<Shape>>
  : Shape;

/**
 * The shape (fields → builders) of table `T`. Auth names resolve to the built-in definitions directly
 * (an app cannot define them), which keeps them exact even for a schema typed as `AnySchema`.
 */
export type ShapeOf<S extends AnySchema, T extends string> = T extends AuthTableName
  ? AuthTables[T] extends Table<infer Shape>
    ? T extends "users"
      ? UsersShape<S, Shape> & UserFieldShape<ViewUserFields<S>>
      : Shape
    : never
  : T extends keyof S["tables"]
    ? S["tables"][T] extends Table<infer Shape>
      ? Shape
      : never
    : never;

/** The additional user fields `ctx.db` sees: of a {@link DbView}, not those with `returned: false`. */
type ViewUserFields<S extends AnySchema> = S extends DbViewBrand
  ? {
      readonly [K in keyof UserFieldsOf<S> as UserFieldsOf<S>[K] extends { readonly returned: false }
        ? never
        : K]: UserFieldsOf<S>[K];
    }
  : UserFieldsOf<S>;

/** The `user.additionalFields` a schema was extended with (`withUserFields`); `{}` when none. */
export type UserFieldsOf<S> = S extends { readonly "~userFields"?: infer F }
  ? F extends UserFields
    ? F
    : {}
  : {};

/** The config of the builder of column `K` of a shape. */
export type ConfigOf<Shape, K> = K extends keyof Shape
  ? Shape[K] extends ColumnBuilder<infer C extends ColumnConfig>
    ? C
    : never
  : never;

/** Field name of a shape's primary key. */
export type PrimaryKeyOf<Shape> = {
  [K in keyof Shape & string]: [ConfigOf<Shape, K>] extends [never]
    ? never
    : ConfigOf<Shape, K>["primaryKey"] extends true
      ? K
      : never;
}[keyof Shape & string];

/** Field name of the primary key of table `T` (`"id"` for the auth tables). */
export type PrimaryKeyName<S extends AnySchema, T extends TableNames<S>> = PrimaryKeyOf<ShapeOf<S, T>>;

export type { TableShape };
