import type { PrivateAuthTableName } from "../authTables";
import type { OneBuilder, RelationBuilder } from "../builders/RelationBuilder";
import type { OneForeignKeyName } from "../table";
import type { AnySchema, ConfigOf, DbViewBrand, ShapeOf, TableNames } from "./schemaTables";

/** `never` for a relation reaching a private auth table when `S` is a `DbView`. */
type Reachable<S, B> = S extends DbViewBrand
  ? B extends RelationBuilder
    ? B["target"] extends PrivateAuthTableName
      ? never
      : B
    : never
  : B;

/**
 * Relation field names of a table (`v.one`, `v.many`, `v.manyToMany`); of a `DbView`, without
 * the relations reaching `sessions`, `accounts` or `verifications`.
 *
 * @example
 * type R = RelationNames<typeof schema, "tasks">; // "project" | "assignee" | "labels"
 */
export type RelationNames<S extends AnySchema, T extends TableNames<S>> = {
  [K in keyof ShapeOf<S, T> & string]: [Reachable<S, Extract<ShapeOf<S, T>[K], RelationBuilder>>] extends [
    never,
  ]
    ? never
    : K;
}[keyof ShapeOf<S, T> & string];

/**
 * In a `DbView`, the relation fields of a table that reach `sessions`, `accounts` or
 * `verifications` (so typed APIs can refuse them by name: `{ sessions?: never }`); `never` otherwise.
 *
 * @example
 * type P = PrivateRelationNames<DbView<typeof schema>, "users">; // "sessions" | "accounts"
 */
export type PrivateRelationNames<S extends AnySchema, T extends TableNames<S>> = S extends DbViewBrand
  ? {
      [K in keyof ShapeOf<S, T> & string]: Extract<
        ShapeOf<S, T>[K],
        RelationBuilder
      >["target"] extends infer G
        ? [G] extends [never]
          ? never
          : G extends PrivateAuthTableName
            ? K
            : never
        : never;
    }[keyof ShapeOf<S, T> & string]
  : never;

/**
 * `{ sessions?: never, ... }` for the {@link PrivateRelationNames} of a table, to intersect into a
 * relation-keyed input type so naming one is a type error; `unknown` when there are none (an empty
 * object type would switch off excess-property checks of the whole input).
 *
 * @example
 * type W = { owner?: object } & RefusePrivateRelations<DbView<typeof schema>, "users">;
 */
export type RefusePrivateRelations<S extends AnySchema, T extends TableNames<S>> = [
  PrivateRelationNames<S, T>,
] extends [never]
  ? unknown
  : { readonly [R in PrivateRelationNames<S, T>]?: never };

/**
 * The table a relation points at (never if the target is not a table of the schema).
 *
 * @example
 * type P = RelationTarget<typeof schema, "tasks", "project">; // "projects"
 */
export type RelationTarget<
  S extends AnySchema,
  T extends TableNames<S>,
  R extends RelationNames<S, T>,
> = Extract<Extract<ShapeOf<S, T>[R], RelationBuilder>["target"], TableNames<S>>;

/**
 * The kind of a relation: `"one"`, `"many"` or `"manyToMany"`.
 *
 * @example
 * type K = RelationKind<typeof schema, "projects", "tasks">; // "many"
 */
export type RelationKind<
  S extends AnySchema,
  T extends TableNames<S>,
  R extends RelationNames<S, T>,
> = Extract<ShapeOf<S, T>[R], RelationBuilder>["~kind"];

/**
 * `true` when a `one` relation may be absent (its FK is nullable), `false` otherwise; loading it with
 * `with` yields `Row | null` exactly when this is `true`. A declared FK column decides by its own
 * nullability, an inferred one by the `nullable` option.
 *
 * @example
 * type N = RelationNullable<typeof schema, "tasks", "assignee">; // true
 */
export type RelationNullable<S extends AnySchema, T extends TableNames<S>, R extends RelationNames<S, T>> =
  ShapeOf<S, T>[R] extends OneBuilder<string, infer O>
    ? OneForeignKeyName<R, O> extends keyof ShapeOf<S, T>
      ? ConfigOf<ShapeOf<S, T>, OneForeignKeyName<R, O>>["notNull"] extends true
        ? false
        : true
      : O extends { readonly nullable: true }
        ? true
        : false
    : false;
