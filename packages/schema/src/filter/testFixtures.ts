/**
 * A hand-written SchemaModel for the filter model's tests (and the server's differential test), so
 * they do not depend on the DSL. Covers every column type, a one, a nullable one, a many, a
 * manyToMany with its junction, and a self relation (tasks.parent / tasks.children).
 */
import type { ColumnModel, ColumnType, JsonShape, RelationModel, SchemaModel, TableModel } from "../model";

type ColumnOptions = Partial<Omit<ColumnModel, "name" | "type">>;

function column(name: string, type: ColumnType, options: ColumnOptions = {}): ColumnModel {
  return {
    name,
    sqlName: name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    type,
    notNull: false,
    primaryKey: false,
    autoIncrement: false,
    unique: false,
    index: false,
    hasSqlDefault: false,
    ...options,
  };
}

function pk(name: string, type: ColumnType): ColumnModel {
  return column(name, type, { primaryKey: true, notNull: true, autoIncrement: type === "int" });
}

function relation(
  source: string,
  name: string,
  kind: RelationModel["kind"],
  target: string,
  sourceField: string,
  targetField: string,
  extra: Partial<RelationModel> = {},
): RelationModel {
  return { name, kind, source, target, sourceField, targetField, nullable: false, ...extra };
}

const itemShape: JsonShape = {
  kind: "object",
  shape: {
    sku: { kind: "string" },
    qty: { kind: "int" },
    price: { kind: "real" },
    fragile: { kind: "boolean" },
    shippedAt: { kind: "date" },
    size: { kind: "enum", values: ["S", "M", "L"] },
    dims: { kind: "object", shape: { w: { kind: "real" }, h: { kind: "real" } } },
    extra: { kind: "any" },
  },
};

/** Builds a fresh fixture schema: users (auth), projects, tasks, labels, labelsTasksLinks (junction). */
export function makeFixtureSchema(): SchemaModel {
  const tables: Record<string, TableModel> = {};
  const schema: SchemaModel = { tables };
  const table = (
    name: string,
    columns: ColumnModel[],
    relations: RelationModel[],
    origin: TableModel["origin"] = "user",
  ): void => {
    tables[name] = {
      name,
      sqlName: name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      columns: Object.fromEntries(columns.map((c) => [c.name, c])),
      relations: Object.fromEntries(relations.map((r) => [r.name, r])),
      primaryKey: columns.find((c) => c.primaryKey)!.name,
      indexes: [],
      checks: [],
      origin,
      schema,
    };
  };

  table(
    "users",
    [pk("id", "string"), column("name", "string", { notNull: true }), column("email", "string")],
    [relation("users", "projects", "many", "projects", "id", "ownerId", { inverse: "owner" })],
    "auth",
  );

  table(
    "projects",
    [
      pk("id", "uuid"),
      column("name", "string", { notNull: true }),
      column("status", "enum", { notNull: true, enumValues: ["active", "archived"] }),
      column("tags", "json", { json: { kind: "array", element: { kind: "string" } } }),
      column("settings", "json", {
        json: { kind: "object", shape: { color: { kind: "string" }, public: { kind: "boolean" } } },
      }),
      column("budget", "real"),
      column("createdAt", "date", { notNull: true }),
      column("ownerId", "string", { references: { table: "users", column: "id" }, relation: "owner" }),
    ],
    [
      relation("projects", "owner", "one", "users", "ownerId", "id", { nullable: true, inverse: "projects" }),
      relation("projects", "tasks", "many", "tasks", "id", "projectId", { inverse: "project" }),
    ],
  );

  table(
    "tasks",
    [
      pk("id", "int"),
      column("title", "string", { notNull: true }),
      column("done", "boolean", { notNull: true }),
      column("priority", "int"),
      column("score", "real"),
      column("dueAt", "date"),
      column("stage", "enum", { enumValues: ["todo", "doing", "done"] }),
      column("flags", "enumArray", { enumValues: ["urgent", "blocked", "later"] }),
      column("items", "json", { json: { kind: "array", element: itemShape } }),
      column("scores", "json", { json: { kind: "array", element: { kind: "int" } } }),
      column("meta", "json", { json: { kind: "any" } }),
      column("lat", "real"),
      column("lng", "real"),
      column("projectId", "uuid", {
        notNull: true,
        references: { table: "projects", column: "id", onDelete: "cascade" },
        relation: "project",
      }),
      column("assigneeId", "string", { references: { table: "users", column: "id" }, relation: "assignee" }),
      column("parentId", "int", { references: { table: "tasks", column: "id" }, relation: "parent" }),
    ],
    [
      relation("tasks", "project", "one", "projects", "projectId", "id", { inverse: "tasks" }),
      relation("tasks", "assignee", "one", "users", "assigneeId", "id", { nullable: true }),
      relation("tasks", "parent", "one", "tasks", "parentId", "id", { nullable: true, inverse: "children" }),
      relation("tasks", "children", "many", "tasks", "id", "parentId", { inverse: "parent" }),
      relation("tasks", "labels", "manyToMany", "labels", "id", "id", {
        junction: { table: "labelsTasksLinks", sourceField: "taskId", targetField: "labelId" },
        inverse: "tasks",
      }),
    ],
  );

  table(
    "labels",
    [
      pk("id", "int"),
      column("name", "string", { notNull: true, unique: "labels_name_unique" }),
      column("color", "string"),
    ],
    [
      relation("labels", "tasks", "manyToMany", "tasks", "id", "id", {
        junction: { table: "labelsTasksLinks", sourceField: "labelId", targetField: "taskId" },
        inverse: "labels",
      }),
    ],
  );

  table(
    "labelsTasksLinks",
    [
      column("labelId", "int", {
        notNull: true,
        primaryKey: true,
        references: { table: "labels", column: "id" },
      }),
      column("taskId", "int", { notNull: true, references: { table: "tasks", column: "id" } }),
    ],
    [],
    "junction",
  );
  return schema;
}

export const fixtureSchema: SchemaModel = makeFixtureSchema();
export const usersTable: TableModel = fixtureSchema.tables.users!;
export const projectsTable: TableModel = fixtureSchema.tables.projects!;
export const tasksTable: TableModel = fixtureSchema.tables.tasks!;
export const labelsTable: TableModel = fixtureSchema.tables.labels!;
