import { getTableConfig } from "drizzle-orm/sqlite-core";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import { describe, expect, it } from "vitest";
import { v } from "../builders/v";
import { schema } from "../schema";
import { table } from "../table";
import { compileSchema } from "./compileSchema";

const s = schema({
  projects: table(
    {
      id: v.uuid(),
      name: v.string({ length: 80 }).notNull(),
      slug: v.string().notNull().unique(),
      status: v.enum(["active", "archived"]).notNull().default("active"),
      tags: v.array(v.string()).notNull().default(["a'b"]),
      settings: v.object({ color: v.string(), public: v.boolean(), note: v.string().nullable() }),
      budget: v.real(),
      startsAt: v.date().default(new Date(1000)),
      createdAt: v.date().notNull().defaultNow(),
      owner: v.one("users", { onDelete: "cascade" }),
      tasks: v.many("tasks"),
    },
    {
      indexes: [
        { columns: ["status", "createdAt"] },
        { columns: ["ownerId", "name"], unique: true, name: "owner_name" },
      ],
      checks: [{ name: "budget_positive", sql: "budget IS NULL OR budget >= 0" }],
    },
  ),
  tasks: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    title: v.string().notNull(),
    done: v.boolean().notNull().default(false),
    dueAt: v.date().index(),
    project: v.one("projects", { onDelete: "cascade" }),
    assignee: v.one("users", { nullable: true, onDelete: "set null", onUpdate: "cascade" }),
    parent: v.one("tasks", { nullable: true, relationName: "tree", index: false }),
    subtasks: v.many("tasks", { relationName: "tree" }),
    labels: v.manyToMany("labels"),
    notes: v.many("notes"),
  }),
  labels: table({ id: v.int().primaryKey(), name: v.string().notNull(), tasks: v.manyToMany("tasks") }),
  notes: table({ id: v.uuid(), body: v.string() }),
});

const compiled = compileSchema(s);

function config(name: string) {
  const found = compiled.tables[name];
  if (found === undefined) throw new Error(`no table ${name}`);
  return getTableConfig(found);
}

describe("compileSchema: Drizzle tables", () => {
  it("compiles every table, auth and junction tables included, and memoizes", () => {
    expect(Object.keys(compiled.tables)).toEqual(Object.keys(s.model.tables));
    expect(compileSchema(s)).toBe(compiled);
    expect(compiled.model).toBe(s.model);
    expect(Object.keys(compiled.drizzleSchema)).toContain("tasksRelations");
    expect(compiled.drizzleSchema.tasks).toBe(compiled.tables.tasks);
  });

  it("maps column types, SQL names, nullability and keys", () => {
    const projects = config("projects");
    expect(projects.name).toBe("projects");
    const byName = Object.fromEntries(projects.columns.map((column) => [column.name, column]));
    expect(byName.id).toMatchObject({ columnType: "SQLiteText", primary: true, notNull: true });
    expect(byName.name).toMatchObject({ columnType: "SQLiteText", length: 80, notNull: true });
    expect(byName.status).toMatchObject({ enumValues: ["active", "archived"], notNull: true });
    expect(byName.tags).toMatchObject({ columnType: "SQLiteTextJson" });
    expect(byName.budget).toMatchObject({ columnType: "SQLiteReal", notNull: false });
    expect(byName.created_at).toMatchObject({ columnType: "SQLiteTimestamp", notNull: true });
    expect(byName.owner_id).toMatchObject({ columnType: "SQLiteText", notNull: true });
    const tasks = Object.fromEntries(config("tasks").columns.map((column) => [column.name, column]));
    expect(tasks.id).toMatchObject({ columnType: "SQLiteInteger", primary: true, autoIncrement: true });
    expect(tasks.done).toMatchObject({ columnType: "SQLiteBoolean", notNull: true });
    expect(tasks.parent_id).toMatchObject({ columnType: "SQLiteInteger", notNull: false });
  });

  it("writes SQL defaults in storage encoding", () => {
    const defaults = Object.fromEntries(
      config("projects").columns.map((column) => [
        column.name,
        column.hasDefault ? String(sqlText(column.default)) : null,
      ]),
    );
    expect(defaults.status).toBe("'active'");
    expect(defaults.tags).toBe(`'["a''b"]'`);
    expect(defaults.starts_at).toBe("1000");
    expect(defaults.created_at).toBeNull();
    const done = config("tasks").columns.find((column) => column.name === "done");
    expect(sqlText(done?.default)).toBe("0");
  });

  it("declares FKs with their actions, uniques, indexes and checks", () => {
    const tasks = config("tasks");
    const fks = tasks.foreignKeys.map((fk) => {
      const reference = fk.reference();
      return {
        columns: reference.columns.map((column) => column.name),
        table: getTableConfig(reference.foreignTable).name,
        foreign: reference.foreignColumns.map((column) => column.name),
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
      };
    });
    expect(fks).toEqual([
      {
        columns: ["project_id"],
        table: "projects",
        foreign: ["id"],
        onDelete: "cascade",
        onUpdate: undefined,
      },
      {
        columns: ["assignee_id"],
        table: "users",
        foreign: ["id"],
        onDelete: "set null",
        onUpdate: "cascade",
      },
      { columns: ["parent_id"], table: "tasks", foreign: ["id"], onDelete: undefined, onUpdate: undefined },
    ]);
    // FKs are indexed by default (cascades and joins look rows up by them); `index: false` opts out.
    expect(tasks.indexes.map((index) => index.config.name)).toEqual([
      "tasks_due_at_idx",
      "tasks_project_id_idx",
      "tasks_assignee_id_idx",
    ]);
    const projects = config("projects");
    expect(projects.columns.find((column) => column.name === "slug")).toMatchObject({
      isUnique: true,
      uniqueName: "projects_slug_unique",
    });
    // owner_id leads the `owner_name` index, which already serves lookups by it: no second index.
    expect(projects.indexes.map((index) => [index.config.name, index.config.unique])).toEqual([
      ["projects_status_created_at_idx", false],
      ["owner_name", true],
    ]);
    // Generated checks (enum values, string length) come first, then the declared ones.
    expect(projects.checks.map((check) => check.name)).toEqual([
      "projects_name_length",
      "projects_status_enum",
      "budget_positive",
    ]);
    expect(projects.checks.map((check) => [check.name, sqlText(check.value)])).toEqual([
      ["projects_name_length", 'length("name") <= 80'],
      ["projects_status_enum", `"status" IN ('active', 'archived')`],
      ["budget_positive", "budget IS NULL OR budget >= 0"],
    ]);
  });

  it("gives junction tables a composite primary key and cascading FKs", () => {
    const junction = config("labelsTasksLinks");
    expect(junction.name).toBe("labels_tasks_links");
    expect(junction.primaryKeys.map((key) => key.columns.map((column) => column.name))).toEqual([
      ["label_id", "task_id"],
    ]);
    expect(junction.columns.every((column) => column.notNull && !column.primary)).toBe(true);
    expect(junction.foreignKeys.map((fk) => fk.onDelete)).toEqual(["cascade", "cascade"]);
    expect(junction.indexes.map((index) => index.config.name)).toEqual(["labels_tasks_links_task_id_idx"]);
  });
});

describe("compileSchema: Drizzle relations", () => {
  const db = drizzle(async () => ({ rows: [] }), { schema: compiled.drizzleSchema });
  const query = db.query as unknown as Record<
    string,
    { findMany(args: object): { toSQL(): { sql: string } } }
  >;

  it("resolve every relation kind in relational queries", () => {
    const { sql } = query
      .tasks!.findMany({
        with: {
          project: { with: { owner: true, tasks: true } },
          assignee: true,
          parent: true,
          subtasks: true,
          labels: { with: { label: true } },
          notes: { with: { task: true } },
        },
      })
      .toSQL();
    expect(sql).toContain('"labels_tasks_links"');
    expect(sql).toContain('"notes"');
    const users = query.users!.findMany({ with: { sessions: true, accounts: true } }).toSQL();
    expect(users.sql).toContain('"sessions"');
  });
});

describe("compileSchema: Zod", () => {
  const zod = compiled.zod;
  const base = { title: "t", projectId: "p" };

  it("insert: requires NOT NULL columns without default, the rest optional", () => {
    expect(zod.tasks.insert.safeParse(base).success).toBe(true);
    expect(zod.tasks.insert.safeParse({ title: "t" }).success).toBe(false);
    expect(zod.tasks.insert.safeParse({ ...base, assigneeId: null, done: true, id: 3 }).success).toBe(true);
    expect(zod.tasks.insert.safeParse({ ...base, done: null }).success).toBe(false);
    expect(zod.tasks.insert.safeParse({ ...base, id: 1.5 }).success).toBe(false);
  });

  it("dates accept Date, epoch ms or ISO strings and output Date", () => {
    for (const dueAt of [new Date(5), 5, "1970-01-01T00:00:00.005Z"]) {
      const parsed = zod.tasks.insert.parse({ ...base, dueAt });
      expect(parsed.dueAt).toEqual(new Date(5));
    }
    expect(zod.tasks.insert.safeParse({ ...base, dueAt: "yesterday" }).success).toBe(false);
    expect(zod.tasks.insert.safeParse({ ...base, dueAt: Number.NaN }).success).toBe(false);
    expect(zod.tasks.insert.safeParse({ ...base, dueAt: new Date("nope") }).success).toBe(false);
  });

  it("validates enums, lengths and JSON shapes", () => {
    const project = { name: "n", slug: "s", ownerId: "u" };
    expect(zod.projects.insert.safeParse(project).success).toBe(true);
    expect(zod.projects.insert.safeParse({ ...project, status: "gone" }).success).toBe(false);
    expect(zod.projects.insert.safeParse({ ...project, name: "x".repeat(81) }).success).toBe(false);
    expect(zod.projects.insert.safeParse({ ...project, tags: ["a", 1] }).success).toBe(false);
    expect(
      zod.projects.insert.safeParse({ ...project, settings: { color: "red", public: true } }).success,
    ).toBe(true);
    expect(
      zod.projects.insert.safeParse({ ...project, settings: { color: "red", public: true, note: null } })
        .success,
    ).toBe(true);
    expect(zod.projects.insert.safeParse({ ...project, settings: { color: "red" } }).success).toBe(false);
  });

  it("select matches Row and update is all-optional", () => {
    const row = {
      id: 1,
      title: "t",
      done: false,
      dueAt: null,
      projectId: "p",
      assigneeId: null,
      parentId: null,
    };
    expect(zod.tasks.select.parse(row)).toEqual(row);
    expect(zod.tasks.select.safeParse({ ...row, done: null }).success).toBe(false);
    expect(zod.tasks.select.safeParse({ ...row, title: undefined }).success).toBe(false);
    expect(zod.tasks.update.safeParse({}).success).toBe(true);
    expect(zod.tasks.update.safeParse({ done: true }).success).toBe(true);
    expect(zod.tasks.update.safeParse({ done: "yes" }).success).toBe(false);
  });

  it("covers the auth tables", () => {
    const session = { expiresAt: Date.now(), token: "t", userId: "u" };
    expect(zod.sessions.insert.safeParse(session).success).toBe(true);
    expect(zod.users.insert.safeParse({ name: "n", email: "e" }).success).toBe(true);
  });
});

/** Inline text of a Drizzle `SQL` value (our defaults and checks are `sql.raw`). */
function sqlText(value: unknown): string {
  const chunks = (value as { queryChunks?: { value?: string[] }[] } | undefined)?.queryChunks ?? [];
  return chunks.map((chunk) => chunk.value?.join("") ?? "").join("");
}
