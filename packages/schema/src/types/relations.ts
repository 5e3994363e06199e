import type { OneBuilder, RelationBuilder } from "../builders/RelationBuilder";
import type { OneForeignKeyName } from "../table";
import type { AnySchema, ConfigOf, ShapeOf, TableNames } from "./schemaTables";

/**
 * Relation field names of a table (`v.one`, `v.many`, `v.manyToMany`).
 *
 * @example
 * type R = RelationNames<typeof schema, "tasks">; // "project" | "assignee" | "labels"
 */
export type RelationNames<S extends AnySchema, T extends TableNames<S>> = {
  [K in keyof ShapeOf<S, T> & string]: [Extract<ShapeOf<S, T>[K], RelationBuilder>] extends [never]
    ? never
    : K;
}[keyof ShapeOf<S, T> & string];

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
