/**
 * Issue 9 item 7: long `and`/`or` lists were a 500 (SQLite's expression-depth limit), and a write
 * could bind more than D1's 100 parameters. Now a where is bounded by node count
 * (`WHERE_LIMITS.maxNodes`, a 400 naming it), everything under the bound runs (and/or compile as a
 * balanced tree), and every write statement stays within 100 parameters or is a 400 — each case
 * against real D1, counting rows before and after.
 */
import { WHERE_LIMITS } from "@appflare/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { countAll, rawRows, seedProject, writeTestRuntime } from "./writeTestRuntime";

const TABLES = ["projects", "tasks", "labels", "labelsTasksLinks", "comments"];
let projectId = "";

/** `n` copies of a condition that binds no parameter, so only the expression size grows. */
const noParam = (n: number, condition: Record<string, unknown>) => Array.from({ length: n }, () => condition);

beforeAll(async () => {
  const { db } = await writeTestRuntime();
  projectId = await seedProject();
  await db.tasks.insert({
    values: Array.from({ length: 30 }, (_, i) => ({
      title: `size-${i}`,
      projectId,
      description: i % 3 === 0 ? null : `d${i}`,
      dueAt: i % 2 === 0 ? new Date(i * 1000) : null,
    })),
  });
});

async function countWhere(sqlCondition: string): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    `SELECT count(*) AS n FROM tasks WHERE project_id = ? AND (${sqlCondition})`,
    projectId,
  );
  return row!.n;
}

describe("long and/or lists under the node bound run", () => {
  // A branch { field: value } is 2 nodes (the branch and its key), plus the 2 keys at the root.
  const sizes = [100, 250, Math.floor((WHERE_LIMITS.maxNodes - 2) / 2)];
  for (const n of sizes) {
    it(`or of ${n} branches, and of ${n} conditions, through findMany and count`, async () => {
      const { db } = await writeTestRuntime();
      const orRows = await db.tasks.findMany({
        where: { projectId, or: noParam(n, { description: null }) },
      });
      expect(orRows.length).toBe(await countWhere("description IS NULL"));
      const andCount = await db.tasks.count({
        where: { projectId, and: noParam(n, { dueAt: null }) },
      });
      expect(andCount).toBe(await countWhere("due_at IS NULL"));
      const nested = await db.tasks.count({
        where: {
          projectId,
          or: noParam(Math.floor(n / 4), { and: [{ description: null }, { dueAt: null }] }),
        },
      });
      expect(nested).toBe(await countWhere("description IS NULL AND due_at IS NULL"));
    });
  }

  it("update and delete with 300-branch wheres write exactly the matching rows", async () => {
    const { db } = await writeTestRuntime();
    const expected = await countWhere("description IS NULL");
    const updated = await db.tasks.update({
      where: { projectId, or: noParam(300, { description: null }) },
      set: { estimateHours: 1.5 },
    });
    expect(updated.length).toBe(expected);
    expect(await countWhere("estimate_hours = 1.5")).toBe(expected);
    const before = await countAll(...TABLES);
    const deleted = await db.tasks.delete({
      where: { projectId, and: noParam(300, { estimateHours: { exists: true } }) },
    });
    expect(deleted.length).toBe(expected);
    expect((await countAll(...TABLES)).tasks).toBe(before.tasks! - expected);
  });
});

describe("wheres over the bound are a 400 naming it, and write nothing", () => {
  const over = WHERE_LIMITS.maxNodes + 1;
  const cases: ReadonlyArray<
    [string, (db: Awaited<ReturnType<typeof writeTestRuntime>>["db"]) => Promise<unknown>]
  > = [
    ["findMany or", (db) => db.tasks.findMany({ where: { or: noParam(over, { description: null }) } })],
    ["findMany of empty branches", (db) => db.tasks.findMany({ where: { or: noParam(over, {}) } })],
    ["count and", (db) => db.tasks.count({ where: { and: noParam(over, { dueAt: null }) } })],
    [
      "update or",
      (db) => db.tasks.update({ where: { or: noParam(over, { description: null }) }, set: { done: true } }),
    ],
    ["delete and", (db) => db.tasks.delete({ where: { and: noParam(over, { dueAt: { exists: false } }) } })],
    [
      "nested in a with entry",
      (db) =>
        db.projects.findMany({ with: { tasks: { where: { or: noParam(over, { description: null }) } } } }),
    ],
  ];
  for (const [name, run] of cases) {
    it(name, async () => {
      const { db, executor } = await writeTestRuntime();
      const before = await countAll(...TABLES);
      const doneBefore = await countWhere("done = 1");
      const error = await run(db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidQueryError);
      expect((error as InvalidQueryError).message).toContain(`maxNodes = ${WHERE_LIMITS.maxNodes}`);
      expect(executor.calls).toBe(0);
      expect(await countAll(...TABLES)).toEqual(before);
      expect(await countWhere("done = 1")).toBe(doneBefore);
    });
  }
});

describe("writes stay within D1's 100 bound parameters", () => {
  it("update/delete with an 800-item in list and a many-column set run (the list is one JSON parameter)", async () => {
    const { db } = await writeTestRuntime();
    const ids = (await db.tasks.findMany({ where: { projectId }, columns: { id: true } })).map((t) => t.id);
    const manyIds = [...ids, ...Array.from({ length: 800 }, (_, i) => 10_000_000 + i)];
    const set = {
      title: "renamed",
      description: "desc",
      done: true,
      priority: "high" as const,
      estimateHours: 2,
      dueAt: new Date(5),
      checklist: [{ text: "a", done: false, doneAt: null }],
    };
    const updated = await db.tasks.update({ where: { id: { in: manyIds } }, set });
    expect(updated.length).toBe(ids.length);
    expect(await countWhere("title = 'renamed' AND done = 1")).toBe(ids.length);
    const extra = await db.tasks.insert({ values: { title: "gone", projectId } });
    const deleted = await db.tasks.delete({
      where: { id: { in: [extra[0]!.id, ...manyIds.slice(ids.length)] } },
    });
    expect(deleted.map((t) => t.id)).toEqual([extra[0]!.id]);
  });

  it("upsert of 60 many-column rows splits its statements", async () => {
    const { db, executor } = await writeTestRuntime();
    const before = (await countAll("tasks")).tasks;
    const rows = await db.tasks.upsert({
      values: Array.from({ length: 60 }, (_, i) => ({
        title: `up-${i}`,
        projectId,
        description: `d${i}`,
        estimateHours: i,
        dueAt: new Date(i),
        priority: "low" as const,
      })),
    });
    expect(rows.length).toBe(60);
    expect((await countAll("tasks")).tasks).toBe(before! + 60);
    for (const batch of executor.batches) {
      for (const statement of batch) expect(statement.params.length).toBeLessThanOrEqual(100);
    }
  });

  it("a write whose where needs over 100 separate parameters is a 400, nothing written", async () => {
    const { db, executor } = await writeTestRuntime();
    const before = await countAll(...TABLES);
    const where = { or: Array.from({ length: 150 }, (_, i) => ({ title: `size-${i}` })) };
    for (const run of [
      () => db.tasks.update({ where, set: { done: false } }),
      () => db.tasks.delete({ where }),
    ]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidQueryError);
      expect((error as Error).message).toMatch(/bound parameters.*D1 allows 100/);
    }
    expect(executor.calls).toBe(0);
    expect(await countAll(...TABLES)).toEqual(before);
  });
});
