import { describe, expect, it } from "vitest";
import type { D1Executor } from "../../src/db/D1Executor";
import type { DbRuntime } from "../../src/db/DbRuntime";
import { executePlans } from "../../src/db/write/executePlans";
import { planUpdate } from "../../src/db/write/planUpdate";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { ExpectRowsError } from "../../src/errors/DbError";
import { model, rawRows, seedProject, table, writeTestRuntime } from "./writeTestRuntime";

async function seedTasks(titles: string[]) {
  const { db } = await writeTestRuntime();
  const projectId = await seedProject();
  const rows = await db.tasks.insert({
    values: titles.map((title) => ({ title, projectId, description: "v1" })),
  });
  return { projectId, rows };
}

describe("expectRows", () => {
  it("aborts an update whose affected count is out of range with 409, writing nothing and recording no event", async () => {
    const { projectId } = await seedTasks(["a", "b"]);
    const { db, executor, runtime } = await writeTestRuntime();
    const before = await rawRows(`SELECT * FROM tasks WHERE project_id = ? ORDER BY id`, projectId);
    const error = await db.tasks
      .update({ where: { projectId }, set: { done: true }, expectRows: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpectRowsError);
    expect((error as ExpectRowsError).status).toBe(409);
    expect((error as ExpectRowsError).body).toMatchObject({
      code: "expect_rows_failed",
      expected: 1,
      actual: 2,
    });
    // The guard's error names the count: no second round trip to report `actual`.
    expect(executor.calls).toBe(1);
    expect(await rawRows(`SELECT * FROM tasks WHERE project_id = ? ORDER BY id`, projectId)).toEqual(before);
    expect(runtime.events).toEqual([]);
  });

  it("accepts bounds ({ min }, { max }, both) and counts rows after limit", async () => {
    const { projectId } = await seedTasks(["a", "b", "c"]);
    const { db } = await writeTestRuntime();
    expect(
      await db.tasks.update({ where: { projectId }, set: { done: true }, expectRows: { min: 3 } }),
    ).toHaveLength(3);
    expect(
      await db.tasks.update({ where: { projectId }, set: { done: false }, limit: 2, expectRows: 2 }),
    ).toHaveLength(2);
    await expect(
      db.tasks.update({ where: { projectId }, set: { done: true }, expectRows: { max: 2 } }),
    ).rejects.toMatchObject({
      body: { expected: { max: 2 }, actual: 3 },
    });
    await expect(
      db.tasks.update({
        where: { projectId, title: "zzz" },
        set: { done: true },
        expectRows: { min: 1, max: 5 },
      }),
    ).rejects.toMatchObject({ body: { actual: 0 } });
  });

  it("guards deletes the same way", async () => {
    const { projectId } = await seedTasks(["a", "b"]);
    const { db } = await writeTestRuntime();
    await expect(db.tasks.delete({ where: { projectId }, expectRows: 1 })).rejects.toBeInstanceOf(
      ExpectRowsError,
    );
    expect(await rawRows(`SELECT id FROM tasks WHERE project_id = ?`, projectId)).toHaveLength(2);
    expect(await db.tasks.delete({ where: { projectId }, expectRows: 2 })).toHaveLength(2);
  });

  it("of two concurrent guarded updates on the same version, exactly one wins", async () => {
    for (let round = 0; round < 10; round++) {
      const { rows } = await seedTasks([`race ${round}`]);
      const id = rows[0]!.id;
      const { db } = await writeTestRuntime();
      const attempt = (who: string) =>
        db.tasks.update({
          where: { id, description: "v1" },
          set: { description: `v2 by ${who}` },
          expectRows: 1,
        });
      const results = await Promise.allSettled([attempt("a"), attempt("b")]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ExpectRowsError);
      expect((lost[0]!.reason as ExpectRowsError).body.actual).toBe(0);
      const [stored] = await rawRows<{ description: string }>(
        `SELECT description FROM tasks WHERE id = ?`,
        id,
      );
      const winner = (won[0] as PromiseFulfilledResult<{ description: string | null }[]>).value[0]!
        .description;
      expect(stored!.description).toBe(winner);
    }
  });

  it("refuses malformed expectRows; nothing is written", async () => {
    const { db } = await writeTestRuntime();
    const before = await rawRows(`SELECT * FROM tasks ORDER BY id`);
    for (const expectRows of [-1, 1.5, { min: 3, max: 1 }, {}, { exactly: 1 }, "1"]) {
      await expect(
        db.tasks.update({ where: { id: 1 }, set: { done: true }, expectRows: expectRows as never }),
      ).rejects.toBeInstanceOf(InvalidQueryError);
    }
    expect(await rawRows(`SELECT * FROM tasks ORDER BY id`)).toEqual(before);
  });

  it("falls back to the guard's count query when the error text does not name the guard", async () => {
    const plan = planUpdate(table("tasks"), { where: { id: 1 }, set: { done: true }, expectRows: 1 });
    const counted: string[] = [];
    const executor: D1Executor = {
      all: () => Promise.resolve([]),
      batch: (statements) => {
        if (statements.length > 1) return Promise.reject(new Error("D1_ERROR: bad JSON path: SQLITE_ERROR"));
        counted.push(statements[0]!.text);
        return Promise.resolve([[{ n: 0 }]]);
      },
    };
    const runtime: DbRuntime = {
      model,
      executor,
      limits: { defaultLimit: 1, maxLimit: 1 },
      reads: [],
      events: [],
    };
    const error = await executePlans(runtime, [plan]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpectRowsError);
    expect((error as ExpectRowsError).body).toMatchObject({ expected: 1, actual: 0 });
    expect(counted).toEqual([plan.guards[0]!.countStatement.text]);
  });
});
