import type { ForeignKeyAction } from "../model";

/** Options of `v.one(target, options)`. */
export interface OneOptions {
  /** FK field name on this table; defaults to `<relation>Id` (`owner` → `ownerId`). */
  readonly field?: string;
  /** Referenced field on the target; defaults to the target's primary key. */
  readonly referenceField?: string;
  /** The FK may be NULL (NOT NULL by default). Required for `onDelete: "set null"`. */
  readonly nullable?: boolean;
  readonly onDelete?: ForeignKeyAction;
  readonly onUpdate?: ForeignKeyAction;
  /** UNIQUE on the FK (a one-to-one); a string names the constraint. */
  readonly unique?: boolean | string;
  /**
   * Index on the FK; a string names the index. On by default (`<table>_<fk>_idx`) unless the FK is
   * unique or leads a table index; `false` opts out.
   */
  readonly index?: boolean | string;
  /** Pairs this relation with the `v.many` of the same name when several join the same two tables. */
  readonly relationName?: string;
}

/** Options of `v.many(target, options)`. */
export interface ManyOptions {
  /** FK field on the target; defaults to the matching `v.one`'s FK, else `<singular(source)>Id`. */
  readonly field?: string;
  /** Pairs with the target's `v.one` that has the same `relationName`. */
  readonly relationName?: string;
  /** Only when the FK is synthesized on the target (no `v.one` there): the FK may be NULL. */
  readonly nullable?: boolean;
  /** Only when the FK is synthesized on the target. */
  readonly onDelete?: ForeignKeyAction;
  /** Only when the FK is synthesized on the target. */
  readonly onUpdate?: ForeignKeyAction;
}

/** Options of `v.manyToMany(target, options)`; when both sides declare it, they must agree. */
export interface ManyToManyOptions {
  /** Junction table name; defaults to `<a><B>Links` with the two table names sorted. */
  readonly junctionTable?: string;
  /** Junction field referencing this table; defaults to `<singular(source)>Id` (`source<X>Id` for self). */
  readonly sourceField?: string;
  /** Junction field referencing the target; defaults to `<singular(target)>Id` (`target<X>Id` for self). */
  readonly targetField?: string;
  /** Action of both junction FKs; `cascade` by default. */
  readonly onDelete?: ForeignKeyAction;
  readonly onUpdate?: ForeignKeyAction;
}

/** `v.one(target)`: this table holds the FK. Type parameters keep the target and options literal. */
export interface OneBuilder<Target extends string = string, O extends OneOptions = OneOptions> {
  readonly "~kind": "one";
  readonly target: Target;
  readonly options: O;
}

/** `v.many(target)`: the target holds the FK. */
export interface ManyBuilder<Target extends string = string, O extends ManyOptions = ManyOptions> {
  readonly "~kind": "many";
  readonly target: Target;
  readonly options: O;
}

/** `v.manyToMany(target)`: a junction table holds both FKs. */
export interface ManyToManyBuilder<
  Target extends string = string,
  O extends ManyToManyOptions = ManyToManyOptions,
> {
  readonly "~kind": "manyToMany";
  readonly target: Target;
  readonly options: O;
}

export type RelationBuilder = OneBuilder | ManyBuilder | ManyToManyBuilder;

/**
 * `true` for a value made by `v.one`, `v.many` or `v.manyToMany`.
 * @example isRelationBuilder(v.one("users")); // true
 */
export function isRelationBuilder(value: unknown): value is RelationBuilder {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { "~kind"?: unknown })["~kind"];
  return (
    (kind === "one" || kind === "many" || kind === "manyToMany") &&
    typeof (value as { target?: unknown }).target === "string"
  );
}

function relation<K extends RelationBuilder["~kind"], T extends string, O>(kind: K, target: T, options: O) {
  return Object.freeze({ "~kind": kind, target, options: Object.freeze(options) });
}

/**
 * Many-to-one: adds the FK `<name>Id` on this table (NOT NULL unless `nullable: true`), typed like the
 * target's key. A string second argument names the FK field.
 *
 * @example
 * project: v.one("projects", { onDelete: "cascade" }),      // projectId, NOT NULL
 * assignee: v.one("users", { nullable: true, onDelete: "set null" }),
 * parent: v.one("tasks", { nullable: true, relationName: "subtasks" }),
 */
export function one<const T extends string>(target: T): OneBuilder<T, {}>;
export function one<const T extends string, const F extends string>(
  target: T,
  field: F,
): OneBuilder<T, { readonly field: F }>;
export function one<const T extends string, const O extends OneOptions>(
  target: T,
  options: O,
): OneBuilder<T, O>;
export function one(target: string, fieldOrOptions?: string | OneOptions): OneBuilder {
  const options = typeof fieldOrOptions === "string" ? { field: fieldOrOptions } : { ...fieldOrOptions };
  return relation("one", target, options);
}

/**
 * One-to-many, the inverse of the target's `v.one` back to this table (its FK is reused). With no such
 * `v.one`, the FK `<singular(source)>Id` is synthesized on the target. A string second argument names
 * the FK field on the target.
 *
 * @example
 * tasks: v.many("tasks"),                                    // pairs with tasks.project
 * subtasks: v.many("tasks", { relationName: "subtasks" }),   // self relation, paired by name
 */
export function many<const T extends string>(target: T): ManyBuilder<T, {}>;
export function many<const T extends string, const F extends string>(
  target: T,
  field: F,
): ManyBuilder<T, { readonly field: F }>;
export function many<const T extends string, const O extends ManyOptions>(
  target: T,
  options: O,
): ManyBuilder<T, O>;
export function many(target: string, fieldOrOptions?: string | ManyOptions): ManyBuilder {
  const options = typeof fieldOrOptions === "string" ? { field: fieldOrOptions } : { ...fieldOrOptions };
  return relation("many", target, options);
}

/**
 * Many-to-many through a synthesized junction table (`<a><B>Links`, names sorted, no payload).
 * Declare it on one side or both; when both, they share the junction and must agree.
 *
 * @example
 * labels: v.manyToMany("labels"),                            // junction labelsTasksLinks(taskId, labelId)
 * related: v.manyToMany("tasks"),                            // self: tasksTasksLinks(sourceTaskId, targetTaskId)
 */
export function manyToMany<const T extends string, const O extends ManyToManyOptions = {}>(
  target: T,
  options?: O,
): ManyToManyBuilder<T, O> {
  return relation("manyToMany", target, { ...options } as O);
}
