import { describe, expect, it } from "vitest";
import { increment } from "../../src/db/operators";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { ExpectRowsError, UniqueViolationError } from "../../src/errors/DbError";
import { countAll, seedProject, unique, writeTestRuntime } from "./writeTestRuntime";

describe("ctx.db.batch", () => {
  it("runs every write in ONE D1 batch and returns results in order, with events in order", async () => {
    const { db, executor, runtime } = await writeTestRuntime();
    const projectId = await seedProject();
    const name = unique("batch label");
    const [tasks, labels, updated, deleted] = await db.batch((tx) => [
      tx.tasks.insert({
        values: [
          { title: "b1", projectId },
          { title: "b2", projectId },
        ],
      }),
      tx.labels.insert({ values: { name } }),
      tx.tasks.update({ where: { projectId, title: "b1" }, set: { estimateHours: 3 } }),
      tx.labels.delete({ where: { name } }),
    ]);
    expect(executor.calls).toBe(1);
    expect(tasks.map((t) => t.title)).toEqual(["b1", "b2"]);
    expect(labels[0]!.name).toBe(name);
    expect(updated).toEqual([{ ...tasks[0], estimateHours: 3 }]);
    expect(deleted).toEqual(labels);
    expect(runtime.events.map((e) => `${e.kind}:${e.table}`)).toEqual([
      "insert:tasks",
      "insert:labels",
      "update:tasks",
      "delete:labels",
    ]);
  });

  it("is all or nothing: a later failing write leaves the earlier ones unwritten, and records no events", async () => {
    const { db, runtime } = await writeTestRuntime();
    const projectId = await seedProject();
    const name = unique("dup");
    await db.labels.insert({ values: { name } });
    runtime.events.length = 0;
    const counts = await countAll("tasks", "labels");
    const error = await db
      .batch((tx) => [
        tx.tasks.insert({ values: { title: "lost", projectId } }),
        tx.labels.insert({ values: { name } }),
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect((error as UniqueViolationError).body).toMatchObject({ table: "labels", fields: ["name"] });
    expect(await countAll("tasks", "labels")).toEqual(counts);
    expect(runtime.events).toEqual([]);
  });

  it("an expectRows guard in one write aborts the whole batch", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const [task] = await db.tasks.insert({ values: { title: "guarded", projectId, estimateHours: 1 } });
    const counts = await countAll("tasks");
    await expect(
      db.batch((tx) => [
        tx.tasks.insert({ values: { title: "would be new", projectId } }),
        tx.tasks.update({
          where: { id: task!.id, estimateHours: 99 },
          set: { estimateHours: increment() },
          expectRows: 1,
        }),
      ]),
    ).rejects.toBeInstanceOf(ExpectRowsError);
    expect(await countAll("tasks")).toEqual(counts);
  });

  it("validates writes when they are queued: a bad write rejects the batch before any round trip", async () => {
    const { db, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll("tasks");
    await expect(
      db.batch((tx) => [
        tx.tasks.insert({ values: { title: "ok", projectId } }),
        tx.tasks.update({ where: {}, set: { done: true } }),
      ]),
    ).rejects.toBeInstanceOf(InvalidQueryError);
    expect(executor.calls).toBe(0);
    expect(await countAll("tasks")).toEqual(counts);
  });

  it("refuses a callback that is async, returns something else, or lists a write twice; nothing is written", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll("tasks");
    await expect(db.batch((async () => []) as never)).rejects.toThrow(/synchronously/);
    await expect(db.batch(() => [1] as never)).rejects.toThrow(/must return an array/);
    await expect(
      db.batch((tx) => {
        const write = tx.tasks.insert({ values: { title: "twice", projectId } });
        return [write, write];
      }),
    ).rejects.toThrow(/same write twice/);
    expect(await countAll("tasks")).toEqual(counts);
  });

  it("a handle's result is readable only after its batch committed", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    let handle: { result: unknown } | undefined;
    await db.batch((tx) => {
      const write = tx.tasks.insert({ values: { title: "handle", projectId } });
      handle = write;
      expect(() => write.result).toThrow(/has not committed yet/);
      return [write];
    });
    expect((handle!.result as { title: string }[])[0]!.title).toBe("handle");
  });

  it("an empty batch makes no round trip", async () => {
    const { db, executor } = await writeTestRuntime();
    expect(await db.batch(() => [])).toEqual([]);
    expect(executor.calls).toBe(0);
  });
});
