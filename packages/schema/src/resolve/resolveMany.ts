import type { ManyBuilder } from "../builders/RelationBuilder";
import { singularize } from "../naming/singularize";
import {
  assertSetNullAllowed,
  type DraftColumn,
  type DraftRelation,
  type DraftTable,
  fail,
  foreignKeyColumn,
  indexByDefault,
  keyStorage,
  type ResolveContext,
} from "./context";
import { relationTarget } from "./resolveOne";

/**
 * Resolves every `v.many` of a table: pairs it with the target's `v.one` back to this table (by
 * `field`, `relationName`, or as the only candidate), or synthesizes the FK on the target.
 */
export function resolveManyRelations(context: ResolveContext, table: DraftTable): void {
  for (const [field, value] of Object.entries(table.definition?.shape ?? {})) {
    if (value["~kind"] === "many") resolveMany(context, table, field, value);
  }
}

function resolveMany(context: ResolveContext, source: DraftTable, field: string, builder: ManyBuilder): void {
  const options = builder.options;
  const call = `v.many("${builder.target}")`;
  const target = relationTarget(context, source.name, field, builder.target, call);
  const ones = [...target.relations.values()].filter(
    (relation) => relation.kind === "one" && relation.target === source.name,
  );
  const describe = (relation: DraftRelation) =>
    `${target.name}.${relation.name} (FK ${relation.sourceField})`;
  let candidates: DraftRelation[];
  if (options.field !== undefined) {
    candidates = ones.filter((relation) => relation.sourceField === options.field);
  } else if (options.relationName !== undefined) {
    candidates = ones.filter((relation) => relation.relationName === options.relationName);
    if (candidates.length === 0) {
      fail(
        "unmatched_relation",
        source.name,
        field,
        `no v.one("${source.name}") on "${target.name}" has relationName "${options.relationName}"`,
        `add e.g. \`${singularize(source.name)}: v.one("${source.name}", { relationName: "${options.relationName}" })\` to "${target.name}", or remove relationName`,
      );
    }
  } else if (target === source) {
    fail(
      "unmatched_relation",
      source.name,
      field,
      "a self v.many needs relationName (or field) to find its v.one",
      `add \`parent: v.one("${source.name}", { nullable: true, relationName: "${field}" })\` and pass { relationName: "${field}" } here`,
    );
  } else {
    candidates = ones;
  }
  if (candidates.length > 1) {
    fail(
      "ambiguous_relation",
      source.name,
      field,
      `${call} matches several relations: ${candidates.map(describe).join(", ")}`,
      "give this v.many and the v.one it pairs with the same relationName, or pass the FK field",
    );
  }
  const [paired] = candidates;
  if (paired !== undefined) {
    if (paired.inverse !== undefined) {
      fail(
        "ambiguous_relation",
        source.name,
        field,
        `${describe(paired)} is already the inverse of "${source.name}.${paired.inverse}"`,
        "give each v.many its own v.one on the target and pair them with relationName",
      );
    }
    if (options.nullable !== undefined || options.onDelete !== undefined || options.onUpdate !== undefined) {
      fail(
        "invalid_relation",
        source.name,
        field,
        `the FK is declared by ${describe(paired)}, so v.many's nullable/onDelete/onUpdate do not apply`,
        `set them on "${target.name}.${paired.name}"`,
      );
    }
    paired.inverse = field;
    addMany(source, field, target, paired.targetField, paired.sourceField, options.relationName, paired.name);
    return;
  }
  synthesize(source, field, target, builder);
}

function synthesize(source: DraftTable, field: string, target: DraftTable, builder: ManyBuilder): void {
  const options = builder.options;
  const fk = options.field ?? `${singularize(source.name)}Id`;
  if (target.origin === "auth" && source.origin !== "auth") {
    fail(
      "auth_table_foreign_key",
      source.name,
      field,
      `v.many("${target.name}") would add the FK "${fk}" to the built-in auth table "${target.name}"`,
      `use v.manyToMany("${target.name}"), or put v.one("${target.name}") on "${source.name}" instead`,
    );
  }
  const declared = target.columns.get(fk);
  let column: DraftColumn;
  if (declared !== undefined) {
    const key = source.columns.get(source.primaryKey);
    if (
      declared.relation !== undefined ||
      (declared.references && declared.references.table !== source.name)
    ) {
      fail(
        "duplicate_field",
        source.name,
        field,
        `the FK "${target.name}.${fk}" is already used by another relation or reference`,
        `pass the FK field name: v.many("${target.name}", "<field>")`,
      );
    }
    if (key && keyStorage(key.type) !== keyStorage(declared.type)) {
      fail(
        "invalid_reference",
        target.name,
        fk,
        `a ${declared.type} column cannot reference "${source.name}.${source.primaryKey}" (${key.type})`,
        `declare "${fk}" with the type of "${source.name}.${source.primaryKey}"`,
      );
    }
    declared.references ??= { table: source.name, column: source.primaryKey };
    column = declared;
  } else {
    if (target.definition && fk in target.definition.shape) {
      fail(
        "duplicate_field",
        source.name,
        field,
        `the FK "${fk}" it would add to "${target.name}" clashes with the relation "${target.name}.${fk}"`,
        `pass another FK field name: v.many("${target.name}", "<field>")`,
      );
    }
    column = foreignKeyColumn(fk, source, source.primaryKey, {
      notNull: options.nullable !== true,
      onDelete: options.onDelete,
      onUpdate: options.onUpdate,
      index: indexByDefault(target, fk, undefined),
    });
    target.columns.set(fk, column);
  }
  assertSetNullAllowed(
    source.name,
    field,
    column.notNull,
    options,
    `pass nullable: true to v.many("${target.name}"), or use onDelete: "cascade"`,
  );
  addMany(source, field, target, column.references?.column ?? source.primaryKey, fk, options.relationName);
}

function addMany(
  source: DraftTable,
  field: string,
  target: DraftTable,
  sourceField: string,
  targetField: string,
  relationName: string | undefined,
  inverse?: string,
): void {
  source.relations.set(field, {
    name: field,
    kind: "many",
    source: source.name,
    target: target.name,
    sourceField,
    targetField,
    nullable: false,
    ...(relationName === undefined ? {} : { relationName }),
    ...(inverse === undefined ? {} : { inverse }),
  });
}
