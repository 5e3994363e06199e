import type { ColumnModel, JsonShape, RelationModel, SchemaModel, TableModel } from "../model";
import type { DraftColumn, DraftTable, ResolveContext } from "./context";

/** Turns the drafts into the frozen `SchemaModel` (relations in declaration order, back-references set). */
export function freezeModel(context: ResolveContext): SchemaModel {
  const tables: Record<string, TableModel> = {};
  const model: SchemaModel = { tables };
  for (const draft of context.tables.values()) tables[draft.name] = freezeTable(draft, model);
  Object.freeze(tables);
  return Object.freeze(model);
}

function freezeTable(draft: DraftTable, schema: SchemaModel): TableModel {
  const columns: Record<string, ColumnModel> = {};
  for (const column of draft.columns.values()) columns[column.name] = freezeColumn(column);
  const relations: Record<string, RelationModel> = {};
  const order = draft.definition ? Object.keys(draft.definition.shape) : [...draft.relations.keys()];
  for (const name of order) {
    const relation = draft.relations.get(name);
    if (relation === undefined) continue;
    relations[name] = Object.freeze({
      ...relation,
      ...(relation.junction ? { junction: Object.freeze({ ...relation.junction }) } : {}),
    });
  }
  return Object.freeze({
    name: draft.name,
    sqlName: draft.sqlName,
    columns: Object.freeze(columns),
    relations: Object.freeze(relations),
    primaryKey: draft.primaryKey,
    ...(draft.compositeKey
      ? { compositeKey: Object.freeze([...draft.compositeKey]) as [string, string] }
      : {}),
    indexes: Object.freeze(draft.indexes.map((index) => Object.freeze({ ...index, name: index.name ?? "" }))),
    checks: Object.freeze(draft.checks.map((check) => Object.freeze({ ...check }))),
    origin: draft.origin,
    schema,
  });
}

function freezeColumn(draft: DraftColumn): ColumnModel {
  const { unique, index, ...rest } = draft;
  return Object.freeze({
    ...rest,
    unique: unique === true ? draft.name : unique,
    index: index === true ? draft.name : index,
    ...(draft.json ? { json: deepFreeze(draft.json) } : {}),
    ...(draft.enumValues ? { enumValues: Object.freeze([...draft.enumValues]) } : {}),
    ...(draft.references ? { references: Object.freeze({ ...draft.references }) } : {}),
  });
}

function deepFreeze(shape: JsonShape): JsonShape {
  if (shape.kind === "array") return Object.freeze({ ...shape, element: deepFreeze(shape.element) });
  if (shape.kind === "object") {
    const entries = Object.entries(shape.shape).map(([key, value]) => [key, deepFreeze(value)] as const);
    return Object.freeze({ ...shape, shape: Object.freeze(Object.fromEntries(entries)) });
  }
  if (shape.kind === "enum") return Object.freeze({ ...shape, values: Object.freeze([...shape.values]) });
  return Object.freeze({ ...shape });
}
