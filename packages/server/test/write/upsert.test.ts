import { describe, expect, it } from "vitest";
import { raw } from "../../src/db/operators";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { ExpectRowsError } from "../../src/errors/DbError";
import { countAll, rawRows, seedProject, unique, writeTestRuntime } from "./writeTestRuntime";

describe("upsert", () => {
  it("inserts new rows and updates existing ones on the primary key; before-images are the existing rows", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const [existing] = await db.tasks.insert({
      values: { title: "old title", projectId, createdAt: new Date(5) },
    });
    const { db: db2, executor, runtime } = await writeTestRuntime();
    const rows = await db2.tasks.upsert({
      values: [
        { id: existing!.id, title: "new title", projectId },
        { title: "brand new", projectId },
      ],
    });
    expect(executor.calls).toBe(1);
    expect(rows.map((r) => r.title)).toEqual(["new title", "brand new"]);
    // Runtime defaults fill new rows but never overwrite existing ones.
    expect(rows[0]!.createdAt).toEqual(new Date(5));
    expect(runtime.events).toHaveLength(1);
    expect(runtime.events[0]).toMatchObject({ kind: "upsert", table: "tasks" });
    expect(runtime.events[0]!.before).toEqual([existing]);
    expect(runtime.events[0]!.after).toEqual(rows);
  });

  it("targets a unique field and updates only the given fields by default", async () => {
    const { db } = await writeTestRuntime();
    const name = unique("label");
    await db.labels.insert({ values: { name, color: "#111111" } });
    const [label] = await db.labels.upsert({ values: { name }, target: "name" });
    expect(label!.color).toBe("#111111");
    const [recolored] = await db.labels.upsert({ values: { name, color: "#222222" }, target: ["name"] });
    expect(recolored!.color).toBe("#222222");
    const [count] = await rawRows<{ n: number }>(`SELECT count(*) AS n FROM labels WHERE name = ?`, name);
    expect(count!.n).toBe(1);
  });

  it("takes an explicit set with operators reading the existing row and excluded.*", async () => {
    const { db } = await writeTestRuntime();
    const name = unique("label");
    await db.labels.insert({ values: { name, color: "a" } });
    const [label] = await db.labels.upsert({
      values: { name, color: "b" },
      target: "name",
      set: { color: raw(`"color" || '+' || excluded."color"`) },
    });
    expect(label!.color).toBe("a+b");
  });

  it("upserts junction rows on their composite key and 250 rows in one batch", async () => {
    const { db, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    const [task] = await db.tasks.insert({ values: { title: "t", projectId } });
    const [label] = await db.labels.insert({ values: { name: unique("l") } });
    const runtime = await writeTestRuntime();
    const junction = (runtime.db as unknown as Record<string, { upsert(a: unknown): Promise<unknown[]> }>)
      .labelsTasksLinks!;
    expect(await junction.upsert({ values: { taskId: task!.id, labelId: label!.id } })).toHaveLength(1);
    expect(await junction.upsert({ values: { taskId: task!.id, labelId: label!.id } })).toHaveLength(1);
    executor.batches.length = 0;
    const values = Array.from({ length: 250 }, (_, i) => ({ name: `bulk-${projectId}-${i}`, color: "x" }));
    const rows = await db.labels.upsert({ values, target: "name" });
    expect(rows).toHaveLength(250);
    expect(executor.batches).toHaveLength(1);
    for (const s of executor.batches[0]!) expect(s.params.length).toBeLessThanOrEqual(100);
  });

  it("expectRows counts the existing rows it updates; out of range writes nothing", async () => {
    const { db } = await writeTestRuntime();
    const name = unique("exists");
    await db.labels.insert({ values: { name, color: "c" } });
    const counts = await countAll("labels");
    const error = await db.labels
      .upsert({
        values: [
          { name, color: "d" },
          { name: unique("new"), color: "d" },
        ],
        target: "name",
        expectRows: 0,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpectRowsError);
    expect((error as ExpectRowsError).body).toMatchObject({ expected: 0, actual: 1 });
    expect(await countAll("labels")).toEqual(counts);
    const ok = await db.labels.upsert({ values: { name, color: "e" }, target: "name", expectRows: 1 });
    expect(ok[0]!.color).toBe("e");
  });

  it("refuses a target that is not unique, unknown fields, and nested writes", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll("tasks", "labels");
    await expect(db.tasks.upsert({ values: { title: "x", projectId }, target: "title" })).rejects.toThrow(
      /not the primary key or a unique constraint/,
    );
    await expect(
      db.tasks.upsert({ values: { title: "x", projectId }, target: "nope" as never }),
    ).rejects.toThrow(/not a column/);
    await expect(
      db.tasks.upsert({ values: { title: "x", projectId, labels: [1] } as never }),
    ).rejects.toThrow(/use insert for nested writes/);
    await expect(db.tasks.upsert({ values: { title: "x", projectId }, set: {} })).rejects.toBeInstanceOf(
      InvalidQueryError,
    );
    expect(await countAll("tasks", "labels")).toEqual(counts);
  });
});
