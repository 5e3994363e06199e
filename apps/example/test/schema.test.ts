import { compileSchema, isSchema } from "@appflare/schema";
import { describe, expect, it } from "vitest";
import example from "../schema";

describe("apps/example/schema.ts", () => {
  it("is a schema with the app's, the auth and the junction tables", () => {
    expect(isSchema(example)).toBe(true);
    const tables = Object.values(example.model.tables);
    expect(tables.filter((t) => t.origin === "user").map((t) => t.name)).toEqual([
      "projects",
      "tasks",
      "members",
      "labels",
      "comments",
      "attachments",
    ]);
    expect(tables.filter((t) => t.origin === "auth").map((t) => t.name)).toEqual([
      "users",
      "sessions",
      "accounts",
      "verifications",
    ]);
    expect(tables.filter((t) => t.origin === "junction").map((t) => [t.name, t.sqlName])).toEqual([
      ["labelsTasksLinks", "labels_tasks_links"],
      ["taskDependencies", "task_dependencies"],
    ]);
  });

  it("uses every relation kind", () => {
    const kinds = new Set(
      Object.values(example.model.tables).flatMap((t) => Object.values(t.relations).map((r) => r.kind)),
    );
    expect([...kinds].sort()).toEqual(["many", "manyToMany", "one"]);
    const tasks = example.model.tables.tasks;
    expect(tasks?.relations.subtasks).toMatchObject({
      target: "tasks",
      targetField: "parentId",
      inverse: "parent",
    });
    expect(tasks?.relations.blockedBy).toMatchObject({ inverse: "blocks" });
    expect(tasks?.columns.assigneeId?.references).toMatchObject({ table: "users", onDelete: "set null" });
    expect(tasks?.columns.priority).toMatchObject({ enumName: "priority" });
    expect(example.model.tables.attachments?.columns.uploaderId).toMatchObject({ notNull: false });
  });

  it("compiles to Drizzle and Zod", () => {
    const compiled = compileSchema(example);
    expect(Object.keys(compiled.tables)).toHaveLength(12);
    const task = compiled.zod.tasks.insert.parse({
      title: "Write docs",
      projectId: "p",
      checklist: [{ text: "draft", done: true, doneAt: "2026-01-01T00:00:00Z" }],
    });
    expect(task.checklist?.[0]?.doneAt).toBeInstanceOf(Date);
  });
});
