import { describe, expect, it } from "vitest";
import { ForeignKeyViolationError } from "../../src/errors/DbError";
import { countAll, rawRows, seedProject, seedUser, unique, writeTestRuntime } from "./writeTestRuntime";

interface TaskRow {
  id: number;
  title: string;
  parent_id: number | null;
  project_id: string;
}

const tasksTitled = (titles: string[]) =>
  rawRows<TaskRow>(
    `SELECT id, title, parent_id, project_id FROM tasks WHERE title IN (${titles.map(() => "?").join(",")})`,
    ...titles,
  );

describe("insert with nested relations", () => {
  it("many (objects) under a uuid parent: children get the parent's id; one batch; an event per table", async () => {
    const { db, executor, runtime } = await writeTestRuntime();
    const ownerId = await seedUser();
    const [project] = await db.projects.insert({
      values: {
        name: "P",
        slug: unique("p"),
        ownerId,
        tasks: [{ title: unique("t1") }, { title: unique("t2") }],
      },
    });
    expect(executor.calls).toBe(1);
    const tasks = await rawRows<TaskRow>(`SELECT * FROM tasks WHERE project_id = ? ORDER BY id`, project!.id);
    expect(tasks).toHaveLength(2);
    expect(runtime.events.map((e) => [e.kind, e.table, e.before.length, e.after.length])).toEqual([
      ["insert", "projects", 0, 1],
      ["insert", "tasks", 0, 2],
    ]);
    // The top-level result is the project row only.
    expect(Object.keys(project!)).not.toContain("tasks");
  });

  it("self relation with autoincrement ids, several parents, two levels deep", async () => {
    const { db, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    const t = (name: string) => `${name}-${projectId}`;
    const rows = await db.tasks.insert({
      values: [
        {
          title: t("A"),
          projectId,
          subtasks: [
            { title: t("A1"), projectId },
            {
              title: t("A2"),
              projectId,
              subtasks: [
                { title: t("A2a"), projectId },
                { title: t("A2b"), projectId },
              ],
            },
            { title: t("A3"), projectId, subtasks: [{ title: t("A3a"), projectId }] },
          ],
        },
        {
          title: t("B"),
          projectId,
          subtasks: [{ title: t("B1"), projectId, subtasks: [{ title: t("B1a"), projectId }] }],
        },
        { title: t("C"), projectId },
      ],
    });
    expect(executor.calls).toBe(1);
    expect(rows.map((r) => r.title)).toEqual([t("A"), t("B"), t("C")]);
    const all = await tasksTitled(["A", "A1", "A2", "A2a", "A2b", "A3", "A3a", "B", "B1", "B1a", "C"].map(t));
    const byTitle = new Map(all.map((r) => [r.title.split("-")[0]!, r]));
    const parentOf = (name: string) => {
      const parentId = byTitle.get(name)!.parent_id;
      return all.find((r) => r.id === parentId)?.title.split("-")[0] ?? null;
    };
    expect(Object.fromEntries([...byTitle.keys()].map((k) => [k, parentOf(k)]))).toEqual({
      A: null,
      A1: "A",
      A2: "A",
      A2a: "A2",
      A2b: "A2",
      A3: "A",
      A3a: "A3",
      B: null,
      B1: "B",
      B1a: "B1",
      C: null,
    });
  });

  it("one (object) created first and linked, two levels: comment → new task → new project", async () => {
    const { db, executor, runtime } = await writeTestRuntime();
    const ownerId = await seedUser();
    const slug = unique("nested");
    const [comment] = await db.comments.insert({
      values: {
        body: "hello",
        task: { title: unique("via comment"), project: { name: "N", slug, ownerId } },
      },
    });
    expect(executor.calls).toBe(1);
    const [task] = await rawRows<TaskRow>(`SELECT * FROM tasks WHERE id = ?`, comment!.taskId);
    const [project] = await rawRows<{ id: string }>(`SELECT id FROM projects WHERE slug = ?`, slug);
    expect(task!.project_id).toBe(project!.id);
    expect(runtime.events.map((e) => e.table)).toEqual(["projects", "tasks", "comments"]);
  });

  it("one (key) sets the FK; giving both the relation and its FK is refused", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const [task] = await db.tasks.insert({ values: { title: "by key", project: projectId } });
    expect(task!.projectId).toBe(projectId);
    const counts = await countAll("tasks");
    await expect(
      db.tasks.insert({ values: { title: "both", project: projectId, projectId } }),
    ).rejects.toThrow(/either "project" or "projectId"/);
    expect(await countAll("tasks")).toEqual(counts);
  });

  it("manyToMany: links existing ids and creates new targets, with junction rows", async () => {
    const { db, runtime } = await writeTestRuntime();
    const projectId = await seedProject();
    const [existing] = await db.labels.insert({ values: { name: unique("existing") } });
    runtime.events.length = 0;
    const newName = unique("new label");
    const [task] = await db.tasks.insert({
      values: { title: "labelled", projectId, labels: [existing!.id, { name: newName }, existing!.id] },
    });
    const links = await rawRows<{ name: string }>(
      `SELECT l.name FROM labels_tasks_links j JOIN labels l ON l.id = j.label_id WHERE j.task_id = ? ORDER BY l.name`,
      task!.id,
    );
    expect(links.map((l) => l.name).sort()).toEqual([existing!.name, newName].sort());
    expect(runtime.events.map((e) => [e.kind, e.table, e.after.length])).toEqual([
      ["insert", "labels", 1],
      ["insert", "tasks", 1],
      ["insert", "labelsTasksLinks", 2],
    ]);
  });

  it("self manyToMany with new rows on both sides (tasks blocking new tasks)", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const [blocker] = await db.tasks.insert({
      values: {
        title: unique("blocker"),
        projectId,
        blocks: [
          { title: unique("blocked 1"), projectId },
          { title: unique("blocked 2"), projectId },
        ],
      },
    });
    const blocked = await rawRows<{ title: string }>(
      `SELECT t.title FROM task_dependencies d JOIN tasks t ON t.id = d.blocked_id WHERE d.blocker_id = ?`,
      blocker!.id,
    );
    expect(blocked.map((b) => b.title.split("-")[0]).sort()).toEqual(["blocked 1", "blocked 2"]);
  });

  it("many (keys) re-points existing children; the update is an event with before and after", async () => {
    const { db, executor, runtime } = await writeTestRuntime();
    const ownerId = await seedUser();
    const oldProject = await seedProject(ownerId);
    const [child] = await db.tasks.insert({ values: { title: unique("moving"), projectId: oldProject } });
    runtime.events.length = 0;
    executor.batches.length = 0;
    const [project] = await db.projects.insert({
      values: { name: "New home", slug: unique("home"), ownerId, tasks: [child!.id] },
    });
    expect(executor.batches).toHaveLength(1);
    const [moved] = await rawRows<TaskRow>(`SELECT * FROM tasks WHERE id = ?`, child!.id);
    expect(moved!.project_id).toBe(project!.id);
    const update = runtime.events.find((e) => e.kind === "update");
    expect(update).toMatchObject({
      table: "tasks",
      before: [{ id: child!.id, projectId: oldProject }],
      after: [{ id: child!.id, projectId: project!.id }],
    });
  });

  it("many (keys) that do not exist fail as a foreign key violation; nothing is written", async () => {
    const { db } = await writeTestRuntime();
    const ownerId = await seedUser();
    const counts = await countAll("projects", "tasks");
    const error = await db.projects
      .insert({ values: { name: "x", slug: unique("x"), ownerId, tasks: [999_999_999] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignKeyViolationError);
    expect((error as ForeignKeyViolationError).body.table).toBe("tasks");
    expect(await countAll("projects", "tasks")).toEqual(counts);
  });

  it("a nested child that also sets the FK its parent sets is refused", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll("tasks", "comments");
    await expect(
      db.tasks.insert({ values: { title: "t", projectId, comments: [{ body: "c", taskId: 1 } as never] } }),
    ).rejects.toThrow(/set by the parent relation/);
    expect(await countAll("tasks", "comments")).toEqual(counts);
  });

  it("references to new rows stay right when rows with larger explicit ids land in between", async () => {
    const { db, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    const big = 8_000_000 + Math.floor(Math.random() * 1_000_000);
    const t = (name: string) => `${name}-${big}`;
    const [x] = await db.tasks.insert({
      values: {
        title: t("X"),
        projectId,
        subtasks: [
          { id: big, title: t("Y"), projectId },
          { title: t("Z"), projectId, subtasks: [{ title: t("Z1"), projectId }] },
        ],
        blocks: [{ title: t("Q"), projectId }],
      },
    });
    expect(executor.calls).toBe(1);
    // Y (explicit, larger id) is inserted before Z's and the junction's references to X are computed.
    expect(executor.batches[0]!.some((s) => s.text.includes("NOT IN"))).toBe(true);
    const all = await tasksTitled(["X", "Y", "Z", "Z1", "Q"].map(t));
    const id = (name: string) => all.find((r) => r.title === t(name))!.id;
    const parent = (name: string) => all.find((r) => r.title === t(name))!.parent_id;
    expect(id("X")).toBe(x!.id);
    expect(id("Y")).toBe(big);
    expect([parent("Y"), parent("Z"), parent("Z1"), parent("Q")]).toEqual([id("X"), id("X"), id("Z"), null]);
    const blocks = await rawRows<{ blocked_id: number }>(
      `SELECT blocked_id FROM task_dependencies WHERE blocker_id = ?`,
      id("X"),
    );
    expect(blocks.map((b) => b.blocked_id)).toEqual([id("Q")]);
  });

  it("nested rows with generated ids after a row with a large explicit id still link correctly", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const big = 7_000_000 + Math.floor(Math.random() * 900_000);
    const rows = await db.tasks.insert({
      values: [
        { id: big, title: `big-${big}`, projectId },
        { title: `after-${big}`, projectId, subtasks: [{ title: `after-child-${big}`, projectId }] },
      ],
    });
    const [child] = await rawRows<TaskRow>(`SELECT * FROM tasks WHERE title = ?`, `after-child-${big}`);
    expect(child!.parent_id).toBe(rows[1]!.id);
  });
});
