import { describe, expect, it } from "vitest";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { ForeignKeyViolationError } from "../../src/errors/DbError";
import { countAll, rawRows, seedProject, unique, writeTestRuntime } from "./writeTestRuntime";

async function setup() {
  const { db } = await writeTestRuntime();
  const projectId = await seedProject();
  const labels = await db.labels.insert({
    values: [{ name: unique("red") }, { name: unique("green") }, { name: unique("blue") }],
  });
  const tasks = await db.tasks.insert({
    values: [
      { title: "one", projectId, labels: [labels[0]!.id] },
      { title: "two", projectId, labels: [labels[0]!.id, labels[1]!.id] },
    ],
  });
  return { projectId, labels, tasks };
}

const linksOf = async (taskId: number) =>
  (
    await rawRows<{ label_id: number }>(
      `SELECT label_id FROM labels_tasks_links WHERE task_id = ? ORDER BY label_id`,
      taskId,
    )
  ).map((r) => r.label_id);

describe("update manyToMany", () => {
  it("a bare array merges links into every target row, keeping existing ones", async () => {
    const { projectId, labels, tasks } = await setup();
    const { db, executor, runtime } = await writeTestRuntime();
    const rows = await db.tasks.update({
      where: { projectId },
      set: { labels: [labels[1]!.id, labels[2]!.id] },
    });
    expect(executor.calls).toBe(1);
    expect(rows).toHaveLength(2);
    expect(await linksOf(tasks[0]!.id)).toEqual([labels[0]!.id, labels[1]!.id, labels[2]!.id]);
    expect(await linksOf(tasks[1]!.id)).toEqual([labels[0]!.id, labels[1]!.id, labels[2]!.id]);
    const junction = runtime.events.find((e) => e.table === "labelsTasksLinks");
    // Only new links are reported: task one gets green and blue, task two gets blue.
    expect(junction).toMatchObject({ kind: "insert" });
    expect(junction!.after).toHaveLength(3);
  });

  it("overwrite replaces the links (and reports the removed ones as a delete)", async () => {
    const { labels, tasks } = await setup();
    const { db, runtime } = await writeTestRuntime();
    await db.tasks.update({
      where: { id: tasks[1]!.id },
      set: { labels: { items: [labels[2]!.id], mode: "overwrite" } },
    });
    expect(await linksOf(tasks[1]!.id)).toEqual([labels[2]!.id]);
    expect(await linksOf(tasks[0]!.id)).toEqual([labels[0]!.id]);
    const removed = runtime.events.find((e) => e.kind === "delete");
    expect(removed?.table).toBe("labelsTasksLinks");
    expect(removed?.before.map((r) => r.labelId).sort()).toEqual([labels[0]!.id, labels[1]!.id].sort());
    await db.tasks.update({ where: { id: tasks[1]!.id }, set: { labels: { items: [], mode: "overwrite" } } });
    expect(await linksOf(tasks[1]!.id)).toEqual([]);
  });

  it("creates new targets given as objects and links them, alongside column changes", async () => {
    const { tasks } = await setup();
    const { db } = await writeTestRuntime();
    const name = unique("fresh");
    const [task] = await db.tasks.update({
      where: { id: tasks[0]!.id },
      set: { done: true, labels: { items: [{ name }], mode: "merge" } },
    });
    expect(task!.done).toBe(true);
    const [label] = await rawRows<{ id: number }>(`SELECT id FROM labels WHERE name = ?`, name);
    expect(await linksOf(tasks[0]!.id)).toContain(label!.id);
  });

  it("links more items than D1's five compound-SELECT terms, ids and new objects mixed", async () => {
    const { tasks } = await setup();
    const { db } = await writeTestRuntime();
    const extra = await db.labels.insert({
      values: Array.from({ length: 8 }, (_, i) => ({ name: unique(`many ${i}`) })),
    });
    const items = [...extra.map((l) => l.id), { name: unique("obj a") }, { name: unique("obj b") }];
    await db.tasks.update({ where: { id: tasks[0]!.id }, set: { labels: { items, mode: "overwrite" } } });
    expect(await linksOf(tasks[0]!.id)).toHaveLength(10);
    await db.tasks.update({ where: { id: tasks[1]!.id }, set: { labels: extra.map((l) => l.id) } });
    expect(await linksOf(tasks[1]!.id)).toHaveLength(10);
  });

  it("links from the other side of the relation (labels.tasks) and self relations (tasks.blocks)", async () => {
    const { labels, tasks } = await setup();
    const { db } = await writeTestRuntime();
    await db.labels.update({ where: { id: labels[2]!.id }, set: { tasks: [tasks[0]!.id] } });
    expect(await linksOf(tasks[0]!.id)).toContain(labels[2]!.id);
    await db.tasks.update({ where: { id: tasks[0]!.id }, set: { blocks: [tasks[1]!.id] } });
    const deps = await rawRows(
      `SELECT blocker_id, blocked_id FROM task_dependencies WHERE blocker_id = ?`,
      tasks[0]!.id,
    );
    expect(deps).toEqual([{ blocker_id: tasks[0]!.id, blocked_id: tasks[1]!.id }]);
  });

  it("linking an id that does not exist fails as a foreign key violation; nothing is written", async () => {
    const { tasks } = await setup();
    const { db } = await writeTestRuntime();
    const counts = await countAll("labelsTasksLinks", "tasks", "labels");
    const error = await db.tasks
      .update({ where: { id: tasks[0]!.id }, set: { done: true, labels: [999_999_999] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignKeyViolationError);
    expect(await countAll("labelsTasksLinks", "tasks", "labels")).toEqual(counts);
    const [task] = await rawRows<{ done: number }>(`SELECT done FROM tasks WHERE id = ?`, tasks[0]!.id);
    expect(task!.done).toBe(0);
  });

  it("refuses a where that filters through the links being changed, and bad shapes; nothing is written", async () => {
    const { labels } = await setup();
    const { db } = await writeTestRuntime();
    const before = await rawRows(`SELECT * FROM labels_tasks_links ORDER BY task_id, label_id`);
    await expect(
      db.tasks.update({
        where: { labels: { id: labels[0]!.id } },
        set: { labels: { items: [], mode: "overwrite" } },
      }),
    ).rejects.toThrow(/filter by "id" instead/);
    await expect(
      db.tasks.update({ where: { id: 1 }, set: { labels: { items: [1], mode: "replace" } as never } }),
    ).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(db.tasks.update({ where: { id: 1 }, set: { subtasks: [1] } as never })).rejects.toThrow(
      /"many" relation/,
    );
    expect(await rawRows(`SELECT * FROM labels_tasks_links ORDER BY task_id, label_id`)).toEqual(before);
  });
});
