import { describe, expect, it } from "vitest";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import {
  countAll,
  countRows,
  rawRows,
  seedProject,
  seedUser,
  unique,
  writeTestRuntime,
} from "./writeTestRuntime";

describe("delete", () => {
  it("deletes the matching rows and returns them as they were; the event's before-image is those rows", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const rows = await db.tasks.insert({
      values: [
        { title: "keep", projectId },
        { title: "drop", projectId },
        { title: "drop", projectId },
      ],
    });
    const { db: db2, executor, runtime } = await writeTestRuntime();
    const deleted = await db2.tasks.delete({ where: { projectId, title: "drop" } });
    expect(executor.calls).toBe(1);
    expect(deleted).toEqual([rows[1], rows[2]]);
    expect(runtime.events).toEqual([
      { kind: "delete", table: "tasks", args: expect.anything(), before: deleted, after: [] },
    ]);
    expect(await rawRows(`SELECT id FROM tasks WHERE project_id = ?`, projectId)).toEqual([
      { id: rows[0]!.id },
    ]);
  });

  it("refuses a missing or empty where unless allowAll: true; nothing is deleted", async () => {
    const { db, executor } = await writeTestRuntime();
    await seedProject();
    const counts = await countAll("projects");
    const everyRow = [
      {},
      { where: {} },
      { where: { or: [{}] }, allowAll: false },
      { where: { not: { or: [] } } },
      { where: { and: [{ id: { nin: [] } }, { or: [{ slug: "x" }, {}] }] } },
    ];
    for (const args of everyRow) {
      const error = await db.projects.delete(args as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidQueryError);
    }
    expect(executor.calls).toBe(0);
    expect(await countAll("projects")).toEqual(counts);
    // A where that may match nothing is a real filter.
    expect(await db.projects.delete({ where: { or: [{ slug: "no such slug" }] } })).toEqual([]);
  });

  it("limit deletes at most n rows; allowAll deletes every row", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    await db.labels.insert({ values: [{ name: "l1" }, { name: "l2" }, { name: "l3" }] });
    const first = await db.labels.delete({ where: { name: { startsWith: "l" } }, limit: 2 });
    expect(first.map((r) => r.name)).toEqual(["l1", "l2"]);
    const rest = await db.labels.delete({ allowAll: true });
    expect(rest.map((r) => r.name)).toEqual(["l3"]);
    expect(await countRows("labels")).toBe(0);
    expect(projectId).toBeTruthy();
  });

  it("reports what foreign keys cascade to: deleted rows (transitively, self relations too) and SET NULL updates", async () => {
    const { db } = await writeTestRuntime();
    const ownerId = await seedUser();
    const otherProject = await seedProject();
    const projectId = await seedProject(ownerId);
    const [label] = await db.labels.insert({ values: { name: unique("cascade") } });
    const [parent] = await db.tasks.insert({
      values: {
        title: "parent",
        projectId,
        labels: [label!.id],
        comments: [{ body: "on parent", authorId: ownerId }],
        subtasks: [{ title: "child", projectId, subtasks: [{ title: "grandchild", projectId }] }],
      },
    });
    const [assigned] = await db.tasks.insert({
      values: { title: "elsewhere", projectId: otherProject, assigneeId: ownerId },
    });
    const { db: db2, executor, runtime } = await writeTestRuntime();
    const deleted = await db2.users.delete({ where: { id: ownerId } });
    expect(executor.calls).toBe(1);
    expect(deleted.map((u) => u.id)).toEqual([ownerId]);
    const summary = Object.fromEntries(
      runtime.events.map((e) => [`${e.kind}:${e.table}`, { before: e.before.length, after: e.after.length }]),
    );
    expect(summary).toEqual({
      "delete:users": { before: 1, after: 0 },
      "delete:projects": { before: 1, after: 0 },
      "delete:tasks": { before: 3, after: 0 },
      "delete:comments": { before: 1, after: 0 },
      "delete:labelsTasksLinks": { before: 1, after: 0 },
      "update:tasks": { before: 1, after: 1 },
    });
    expect(runtime.events[0]!.table).toBe("users");
    const cleared = runtime.events.find((e) => e.kind === "update")!;
    expect(cleared.before[0]).toMatchObject({ id: assigned!.id, assigneeId: ownerId });
    expect(cleared.after[0]).toMatchObject({ id: assigned!.id, assigneeId: null });
    const gone = runtime.events.find((e) => e.kind === "delete" && e.table === "tasks")!;
    expect(gone.before.map((t) => t.title).sort()).toEqual(["child", "grandchild", "parent"]);
    expect(gone.before.some((t) => t.id === parent!.id)).toBe(true);
    expect(await rawRows(`SELECT id FROM tasks WHERE project_id = ?`, projectId)).toEqual([]);
  });

  it("a self-referencing cascade reports each cascaded row once, and the result is only the matched rows", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const [root] = await db.tasks.insert({
      values: {
        title: "root",
        projectId,
        subtasks: [
          { title: "c1", projectId },
          { title: "c2", projectId, subtasks: [{ title: "c2a", projectId }] },
        ],
      },
    });
    const { db: db2, runtime } = await writeTestRuntime();
    // The where matches the root and c1; c1 is also reached by the cascade: reported once.
    const deleted = await db2.tasks.delete({ where: { projectId, title: { in: ["root", "c1"] } } });
    expect(deleted.map((t) => t.title).sort()).toEqual(["c1", "root"]);
    const tasksEvent = runtime.events.filter((e) => e.table === "tasks");
    expect(tasksEvent).toHaveLength(1);
    expect(tasksEvent[0]!.before.map((t) => t.title).sort()).toEqual(["c1", "c2", "c2a", "root"]);
    expect(root).toBeTruthy();
  });
});
