import { isColumnBuilder } from "../builders/ColumnBuilder";
import type { OneBuilder } from "../builders/RelationBuilder";
import {
  assertSetNullAllowed,
  type DraftColumn,
  type DraftTable,
  fail,
  foreignKeyColumn,
  indexByDefault,
  keyStorage,
  quoteList,
  type ResolveContext,
} from "./context";

/** Tables a relation or reference may point at: the app's and the auth tables. */
export function relationTarget(
  context: ResolveContext,
  table: string,
  field: string,
  target: string,
  what: string,
): DraftTable {
  const found = context.tables.get(target);
  if (found === undefined || found.origin === "junction") {
    const known = [...context.tables.values()].filter((t) => t.origin !== "junction").map((t) => t.name);
    fail(
      "unknown_relation_target",
      table,
      field,
      `${what} targets an unknown table "${target}"`,
      `use one of ${quoteList(known)}, or define the table in schema({...})`,
    );
  }
  return found;
}

/**
 * Resolves every `v.one` of a table into its FK column and relation, then rebuilds the column order so
 * inferred FKs sit at their relation's position. Also checks `.references(...)` on declared columns.
 */
export function resolveOneRelations(context: ResolveContext, table: DraftTable): void {
  const shape = table.definition?.shape ?? {};
  const declared = table.columns;
  const ordered = new Map<string, DraftColumn>();
  for (const [field, value] of Object.entries(shape)) {
    if (isColumnBuilder(value)) {
      const column = declared.get(field);
      if (column !== undefined && !ordered.has(field)) ordered.set(field, column);
    } else if (value["~kind"] === "one") {
      const column = resolveOne(context, table, field, value, shape);
      const taken = ordered.get(column.name);
      if (taken !== undefined && taken !== column) {
        fail(
          "duplicate_field",
          table.name,
          field,
          `its FK "${column.name}" is already the FK of relation "${taken.relation}"`,
          "give one of the relations another field",
        );
      }
      ordered.set(column.name, column);
    }
  }
  table.columns = ordered;
  for (const column of ordered.values()) {
    if (column.references !== undefined && column.relation === undefined)
      checkReference(context, table, column);
  }
}

function resolveOne(
  context: ResolveContext,
  table: DraftTable,
  field: string,
  builder: OneBuilder,
  shape: Readonly<Record<string, unknown>>,
): DraftColumn {
  const options = builder.options;
  const target = relationTarget(context, table.name, field, builder.target, `v.one("${builder.target}")`);
  const referenceField = options.referenceField ?? target.primaryKey;
  const referenced = target.columns.get(referenceField);
  if (referenced === undefined) {
    fail(
      "unknown_reference",
      table.name,
      field,
      `referenceField "${referenceField}" is not a column of "${target.name}"`,
      `use one of ${quoteList(target.columns.keys())}`,
    );
  }
  if (!referenced.primaryKey && referenced.unique === false) {
    fail(
      "invalid_reference",
      table.name,
      field,
      `"${target.name}.${referenceField}" is neither the primary key nor unique, so SQLite cannot reference it`,
      `add .unique() to "${target.name}.${referenceField}" or reference the primary key`,
    );
  }
  const fk = options.field ?? `${field}Id`;
  const existing = table.columns.get(fk);
  const setNullFix = `pass nullable: true to v.one("${builder.target}"), or use onDelete: "cascade" or "restrict"`;
  let column: DraftColumn;
  if (existing !== undefined) {
    if (options.nullable !== undefined || options.unique !== undefined || options.index !== undefined) {
      fail(
        "invalid_relation",
        table.name,
        field,
        `the FK "${fk}" is a declared column, so v.one's nullable/unique/index options do not apply`,
        `set .notNull()/.unique()/.index() on "${fk}" itself, or remove the declared column`,
      );
    }
    if (existing.relation !== undefined) {
      fail(
        "duplicate_field",
        table.name,
        field,
        `the FK "${fk}" is already the FK of relation "${existing.relation}"`,
        "give one of the relations another field",
      );
    }
    if (existing.references !== undefined && existing.references.table !== target.name) {
      fail(
        "invalid_reference",
        table.name,
        field,
        `the FK "${fk}" already references "${existing.references.table}"`,
        `remove .references(...) from "${fk}" or point the relation at "${existing.references.table}"`,
      );
    }
    if (keyStorage(existing.type) !== keyStorage(referenced.type)) {
      fail(
        "invalid_reference",
        table.name,
        fk,
        `a ${existing.type} column cannot reference "${target.name}.${referenceField}" (${referenced.type})`,
        `declare "${fk}" with the type of "${target.name}.${referenceField}", or let v.one infer it`,
      );
    }
    existing.references = {
      table: target.name,
      column: referenceField,
      ...(options.onDelete === undefined ? {} : { onDelete: options.onDelete }),
      ...(options.onUpdate === undefined ? {} : { onUpdate: options.onUpdate }),
    };
    existing.relation = field;
    column = existing;
  } else {
    if (fk in shape) {
      fail(
        "duplicate_field",
        table.name,
        field,
        `the inferred FK "${fk}" clashes with the relation "${fk}"`,
        "rename one of them, or pass v.one's `field` option",
      );
    }
    column = foreignKeyColumn(fk, target, referenceField, {
      notNull: options.nullable !== true,
      onDelete: options.onDelete,
      onUpdate: options.onUpdate,
      unique: options.unique,
      index: options.index ?? indexByDefault(table, fk, options.unique),
      relation: field,
    });
  }
  assertSetNullAllowed(table.name, field, column.notNull, options, setNullFix);
  const relation = {
    name: field,
    kind: "one" as const,
    source: table.name,
    target: target.name,
    sourceField: column.name,
    targetField: referenceField,
    nullable: !column.notNull,
    ...(options.relationName === undefined ? {} : { relationName: options.relationName }),
  };
  table.relations.set(field, relation);
  return column;
}

function checkReference(context: ResolveContext, table: DraftTable, column: DraftColumn): void {
  const reference = column.references;
  if (reference === undefined) return;
  const target = relationTarget(context, table.name, column.name, reference.table, ".references(...)");
  const referenced = target.columns.get(reference.column);
  if (referenced === undefined) {
    fail(
      "unknown_reference",
      table.name,
      column.name,
      `.references("${reference.table}", "${reference.column}") names an unknown column`,
      `use one of ${quoteList(target.columns.keys())}`,
    );
  }
  if (!referenced.primaryKey && referenced.unique === false) {
    fail(
      "invalid_reference",
      table.name,
      column.name,
      `"${target.name}.${reference.column}" is neither the primary key nor unique, so SQLite cannot reference it`,
      `add .unique() to "${target.name}.${reference.column}" or reference the primary key`,
    );
  }
  if (keyStorage(column.type) !== keyStorage(referenced.type)) {
    fail(
      "invalid_reference",
      table.name,
      column.name,
      `a ${column.type} column cannot reference "${target.name}.${reference.column}" (${referenced.type})`,
      `declare "${column.name}" with the type of "${target.name}.${reference.column}"`,
    );
  }
  assertSetNullAllowed(
    table.name,
    column.name,
    column.notNull,
    reference,
    'drop .notNull(), or use onDelete: "cascade"',
  );
}
