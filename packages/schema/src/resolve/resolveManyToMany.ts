import type { ManyToManyBuilder, ManyToManyOptions } from "../builders/RelationBuilder";
import type { ForeignKeyAction } from "../model";
import { singularize } from "../naming/singularize";
import {
  assertSetNullAllowed,
  type DraftTable,
  fail,
  foreignKeyColumn,
  quoteList,
  type ResolveContext,
} from "./context";
import { relationTarget } from "./resolveOne";

interface Declaration {
  readonly source: DraftTable;
  readonly target: DraftTable;
  readonly field: string;
  readonly options: ManyToManyOptions;
  readonly junction: string;
}

const capitalize = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** Name of a junction's `one` relation for the FK `field` (`labelId` → `label`). */
const relationOf = (field: string): string =>
  field.length > 2 && field.endsWith("Id") ? field.slice(0, -2) : `${field}Ref`;

/**
 * Default junction table name: the two table names sorted, camelCase-joined, plus `Links`
 * (`tasks` + `labels` → `labelsTasksLinks`).
 *
 * @example
 * junctionTableName("tasks", "labels"); // "labelsTasksLinks"
 */
export function junctionTableName(a: string, b: string): string {
  const [first, second] = [a, b].sort();
  return `${first}${capitalize(second ?? "")}Links`;
}

/**
 * Groups every `v.manyToMany` by junction table, checks both sides agree, and synthesizes the junction
 * tables (two FK columns, composite primary key, `one` relations to both sides).
 */
export function resolveManyToManyRelations(context: ResolveContext): void {
  const groups = new Map<string, Declaration[]>();
  for (const source of [...context.tables.values()]) {
    for (const [field, value] of Object.entries(source.definition?.shape ?? {})) {
      if (value["~kind"] !== "manyToMany") continue;
      const builder: ManyToManyBuilder = value;
      const call = `v.manyToMany("${builder.target}")`;
      const target = relationTarget(context, source.name, field, builder.target, call);
      const junction = builder.options.junctionTable ?? junctionTableName(source.name, target.name);
      const declaration = { source, target, field, options: builder.options, junction };
      groups.set(junction, [...(groups.get(junction) ?? []), declaration]);
    }
  }
  for (const [junction, declarations] of groups) createJunction(context, junction, declarations);
}

function clash(declaration: Declaration, problem: string, fix: string): never {
  return fail("junction_name_clash", declaration.source.name, declaration.field, problem, fix);
}

function createJunction(context: ResolveContext, junction: string, declarations: Declaration[]): void {
  const [a, b, extra] = declarations;
  if (a === undefined) return;
  const fix = "pass a distinct junctionTable to each v.manyToMany";
  if (context.tables.has(junction)) {
    clash(
      a,
      `the junction table "${junction}" has the name of an existing table`,
      "pass another junctionTable",
    );
  }
  if (extra !== undefined) {
    const names = declarations.map((d) => `${d.source.name}.${d.field}`);
    clash(a, `${quoteList(names)} all use the junction table "${junction}"`, fix);
  }
  if (b !== undefined) {
    if (a.source !== b.target || a.target !== b.source) {
      clash(
        b,
        `"${a.source.name}.${a.field}" already uses the junction table "${junction}" for another pair`,
        fix,
      );
    }
    const self = a.source === a.target;
    if (self && (a.options.junctionTable === undefined || b.options.junctionTable === undefined)) {
      clash(
        b,
        `"${a.source.name}.${a.field}" and "${b.source.name}.${b.field}" both default to the junction table "${junction}"`,
        "to make them inverses give both the same explicit junctionTable; otherwise give each its own",
      );
    }
  }
  const self = a.source === a.target;
  const prefix = (role: "source" | "target", table: DraftTable) =>
    self ? `${role}${capitalize(singularize(table.name))}Id` : `${singularize(table.name)}Id`;
  const sourceField = agree(a, b, "sourceField", "targetField", prefix("source", a.source));
  const targetField = agree(a, b, "targetField", "sourceField", prefix("target", a.target));
  const onDelete: ForeignKeyAction = agree(a, b, "onDelete", "onDelete", "cascade");
  const onUpdate = agree(a, b, "onUpdate", "onUpdate", undefined);
  assertSetNullAllowed(
    a.source.name,
    a.field,
    true,
    { onDelete, onUpdate },
    'junction keys are NOT NULL: use onDelete: "cascade" (the default) or "restrict"',
  );
  if (sourceField === targetField) {
    fail(
      "conflicting_many_to_many",
      a.source.name,
      a.field,
      `sourceField and targetField are both "${sourceField}"`,
      "give the two junction fields different names",
    );
  }
  // Columns in the order of the junction's name: the alphabetically first table's key first.
  const sides = [
    { field: sourceField, table: a.source, relation: relationOf(sourceField) },
    { field: targetField, table: a.target, relation: relationOf(targetField) },
  ];
  if (!self && a.target.name < a.source.name) sides.reverse();
  const table: DraftTable = {
    name: junction,
    origin: "junction",
    sqlName: "",
    columns: new Map(),
    relations: new Map(),
    primaryKey: sides[0]?.field ?? sourceField,
    compositeKey: [sides[0]?.field ?? sourceField, sides[1]?.field ?? targetField],
    indexes: [],
    checks: [],
  };
  for (const [position, side] of sides.entries()) {
    const column = foreignKeyColumn(side.field, side.table, side.table.primaryKey, {
      notNull: true,
      onDelete,
      onUpdate,
      relation: side.relation,
      // The composite key serves lookups by its first column; the second one gets its own index.
      index: position === 1,
    });
    column.primaryKey = true;
    table.columns.set(side.field, column);
    table.relations.set(side.relation, {
      name: side.relation,
      kind: "one",
      source: junction,
      target: side.table.name,
      sourceField: side.field,
      targetField: side.table.primaryKey,
      nullable: false,
    });
  }
  context.tables.set(junction, table);
  const link = (declaration: Declaration, from: string, to: string, inverse?: Declaration) => {
    declaration.source.relations.set(declaration.field, {
      name: declaration.field,
      kind: "manyToMany",
      source: declaration.source.name,
      target: declaration.target.name,
      sourceField: declaration.source.primaryKey,
      targetField: declaration.target.primaryKey,
      nullable: false,
      junction: { table: junction, sourceField: from, targetField: to },
      ...(inverse === undefined ? {} : { inverse: inverse.field }),
    });
  };
  link(a, sourceField, targetField, b);
  if (b !== undefined) link(b, targetField, sourceField, a);
}

/**
 * Value of an option both sides may set (`key` on `a` mirrors `mirror` on `b`): explicit values must be
 * equal; one explicit value wins over the default.
 */
function agree<K extends keyof ManyToManyOptions, D extends ManyToManyOptions[K]>(
  a: Declaration,
  b: Declaration | undefined,
  key: K,
  mirror: keyof ManyToManyOptions,
  fallback: D,
): NonNullable<ManyToManyOptions[K]> | D {
  const mine = a.options[key];
  const theirs = b?.options[mirror] as ManyToManyOptions[K] | undefined;
  if (b !== undefined && mine !== undefined && theirs !== undefined && mine !== theirs) {
    fail(
      "conflicting_many_to_many",
      b.source.name,
      b.field,
      `its ${String(mirror)} ${JSON.stringify(theirs)} contradicts ${String(key)} ${JSON.stringify(mine)} on "${a.source.name}.${a.field}" (the same junction table "${a.junction}")`,
      "make both sides agree, or set the option on one side only",
    );
  }
  return mine ?? theirs ?? fallback;
}
