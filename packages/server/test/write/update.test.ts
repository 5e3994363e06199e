import { describe, expect, it } from "vitest";
import { decrement, increment, now, raw } from "../../src/db/operators";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { CheckViolationError } from "../../src/errors/DbError";
import { rawRows, seedProject, unique, writeTestRuntime } from "./writeTestRuntime";

async function seedTasks(count: number) {
  const { db } = await writeTestRuntime();
  const projectId = await seedProject();
  const rows = await db.tasks.insert({
    values: Array.from({ length: count }, (_, i) => ({ title: `task ${i}`, projectId, estimateHours: i })),
  });
  return { projectId, rows };
}

describe("update", () => {
  it("updates the rows matching where, returns them as updated, in one batch, with before/after events", async () => {
    const { projectId, rows } = await seedTasks(3);
    const { db, executor, runtime } = await writeTestRuntime();
    const updated = await db.tasks.update({
      where: { projectId, estimateHours: { gte: 1 } },
      set: { done: true, description: "d" },
    });
    expect(executor.calls).toBe(1);
    expect(updated.map((r) => r.id).sort()).toEqual([rows[1]!.id, rows[2]!.id].sort());
    expect(updated.every((r) => r.done === true && r.description === "d")).toBe(true);
    expect(runtime.events).toHaveLength(1);
    const [event] = runtime.events;
    expect(event).toMatchObject({ kind: "update", table: "tasks" });
    expect(event!.before.map((r) => r.done)).toEqual([false, false]);
    expect(event!.after).toEqual(updated);
    const untouched = await rawRows<{ done: number }>(`SELECT done FROM tasks WHERE id = ?`, rows[0]!.id);
    expect(untouched[0]!.done).toBe(0);
  });

  it("refuses a missing or empty where unless allowAll: true; nothing is written", async () => {
    await seedTasks(2);
    const { db, executor } = await writeTestRuntime();
    const before = await rawRows(`SELECT * FROM tasks ORDER BY id`);
    for (const args of [
      { set: { done: true } },
      { where: {}, set: { done: true } },
      { where: { and: [] }, set: { done: true } },
    ]) {
      const error = await db.tasks.update(args as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidQueryError);
      expect((error as Error).message).toMatch(/allowAll: true/);
    }
    await expect(
      db.tasks.update({ where: { projectId: undefined as never }, set: { done: true } }),
    ).rejects.toBeInstanceOf(InvalidQueryError);
    expect(executor.calls).toBe(0);
    expect(await rawRows(`SELECT * FROM tasks ORDER BY id`)).toEqual(before);
    const all = await db.tasks.update({ allowAll: true, set: { description: "everything" } });
    expect(all.length).toBe(before.length);
  });

  it("applies increment, decrement, now and raw in SQL", async () => {
    const { projectId, rows } = await seedTasks(1);
    const { db } = await writeTestRuntime();
    const id = rows[0]!.id;
    await db.tasks.update({ where: { id }, set: { estimateHours: 10 } });
    let [task] = await db.tasks.update({ where: { id }, set: { estimateHours: increment(2.5) } });
    expect(task!.estimateHours).toBe(12.5);
    [task] = await db.tasks.update({ where: { id }, set: { estimateHours: decrement() } });
    expect(task!.estimateHours).toBe(11.5);
    const start = Date.now();
    [task] = await db.tasks.update({ where: { id }, set: { dueAt: now(), description: now() } });
    expect(task!.dueAt).toBeInstanceOf(Date);
    expect(Math.abs(task!.dueAt!.getTime() - start)).toBeLessThan(60_000);
    expect(task!.description).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    [task] = await db.tasks.update({ where: { id }, set: { title: raw(`upper("title") || '!'`) } });
    expect(task!.title).toBe("TASK 0!");
    expect(task!.projectId).toBe(projectId);
  });

  it("refuses operators that do not fit the column type; nothing is written", async () => {
    const { rows } = await seedTasks(1);
    const { db } = await writeTestRuntime();
    const where = { id: rows[0]!.id };
    const before = await rawRows(`SELECT * FROM tasks ORDER BY id`);
    await expect(db.tasks.update({ where, set: { title: increment() as never } })).rejects.toThrow(
      /only int and real/,
    );
    await expect(db.tasks.update({ where, set: { done: now() as never } })).rejects.toThrow(/now\(\)/);
    await expect(db.tasks.update({ where, set: { id: increment(0.5) } })).rejects.toThrow(/whole amounts/);
    await expect(db.tasks.update({ where, set: { done: "yes" as never } })).rejects.toThrow(/tasks\.done/);
    await expect(db.tasks.update({ where, set: { nope: 1 } as never })).rejects.toThrow(
      /Unknown field "nope"/,
    );
    await expect(db.tasks.update({ where, set: {} })).rejects.toThrow(/no fields/);
    expect(() => increment(Number.NaN)).toThrow(TypeError);
    expect(() => raw("  ")).toThrow(TypeError);
    expect(await rawRows(`SELECT * FROM tasks ORDER BY id`)).toEqual(before);
  });

  it("limit updates at most n rows (first by rowid), via a rowid sub-select", async () => {
    const { projectId, rows } = await seedTasks(5);
    const { db } = await writeTestRuntime();
    const updated = await db.tasks.update({ where: { projectId }, set: { done: true }, limit: 2 });
    expect(updated.map((r) => r.id)).toEqual([rows[0]!.id, rows[1]!.id]);
    const done = await rawRows(`SELECT id FROM tasks WHERE project_id = ? AND done = 1`, projectId);
    expect(done).toHaveLength(2);
    await expect(db.tasks.update({ where: { projectId }, set: { done: true }, limit: 0 })).rejects.toThrow(
      /positive integer/,
    );
  });

  it("updates through a relation filter and a one relation key", async () => {
    const { projectId, rows } = await seedTasks(2);
    const other = await seedProject();
    const { db } = await writeTestRuntime();
    const moved = await db.tasks.update({
      where: { project: { id: projectId }, title: "task 1" },
      set: { project: other },
    });
    expect(moved.map((r) => [r.id, r.projectId])).toEqual([[rows[1]!.id, other]]);
  });

  it("a failing update (CHECK) writes nothing and records no event", async () => {
    const { projectId } = await seedTasks(3);
    const { db, runtime } = await writeTestRuntime();
    const before = await rawRows(`SELECT * FROM tasks WHERE project_id = ? ORDER BY id`, projectId);
    const error = await db.tasks
      .update({ where: { projectId }, set: { estimateHours: decrement(1) } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckViolationError);
    expect((error as CheckViolationError).body.constraint).toBe("tasks_estimate_non_negative");
    expect(await rawRows(`SELECT * FROM tasks WHERE project_id = ? ORDER BY id`, projectId)).toEqual(before);
    expect(runtime.events).toEqual([]);
  });

  it("uses one JSON parameter for long in-lists so the statement stays under D1's cap", async () => {
    const { rows } = await seedTasks(3);
    const { db, executor } = await writeTestRuntime();
    const ids = [...rows.map((r) => r.id), ...Array.from({ length: 300 }, (_, i) => 50_000_000 + i)];
    const updated = await db.tasks.update({
      where: { id: { in: ids } },
      set: { description: unique("bulk") },
    });
    expect(updated).toHaveLength(3);
    for (const s of executor.batches[0]!) expect(s.params.length).toBeLessThanOrEqual(100);
  });
});
