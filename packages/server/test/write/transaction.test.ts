import { describe, expect, it } from "vitest";
import { afterCommit } from "../../src/db/write/transactionScope";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { ExpectRowsError, UniqueViolationError } from "../../src/errors/DbError";
import { countAll, rawRows, seedProject, unique, writeTestRuntime } from "./writeTestRuntime";

describe("ctx.db.transaction", () => {
  it("reads run now against committed data; writes are queued and committed together in ONE batch", async () => {
    const { db, executor, runtime } = await writeTestRuntime();
    const projectId = await seedProject();
    const title = unique("tx");
    const result = await db.transaction(async (tx) => {
      const insert = tx.tasks.insert({ values: { title, projectId } });
      // D1 has no interactive transactions: the queued insert is not visible yet.
      const seen = await tx.tasks.findMany({ where: { title } });
      expect(seen).toEqual([]);
      expect(await rawRows(`SELECT id FROM tasks WHERE title = ?`, title)).toEqual([]);
      const update = tx.projects.update({ where: { id: projectId }, set: { budget: 10 } });
      return { insert, update, seen: seen.length };
    });
    expect(result.seen).toBe(0);
    expect(result.insert.result[0]!.title).toBe(title);
    expect(result.update.result[0]!.budget).toBe(10);
    // One read + one batch for both writes.
    expect(executor.calls).toBe(2);
    expect(runtime.events.map((e) => `${e.kind}:${e.table}`)).toEqual(["insert:tasks", "update:projects"]);
  });

  it("a throw writes nothing, drops after-commit hooks, and rethrows", async () => {
    const { db, runtime, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll("tasks");
    const sent: string[] = [];
    const error = await db
      .transaction(async (tx) => {
        tx.tasks.insert({ values: { title: "never", projectId } });
        tx.onCommit(() => {
          sent.push("tx hook");
        });
        await afterCommit(runtime, () => {
          sent.push("scheduler message");
        });
        throw new Error("changed my mind");
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe("changed my mind");
    expect(await countAll("tasks")).toEqual(counts);
    expect(sent).toEqual([]);
    expect(runtime.events).toEqual([]);
    expect(executor.calls).toBe(0);
  });

  it("after-commit hooks run once the batch committed, in order; outside a transaction they run at once", async () => {
    const { db, runtime } = await writeTestRuntime();
    const projectId = await seedProject();
    const log: string[] = [];
    await afterCommit(runtime, () => {
      log.push("immediate");
    });
    const title = unique("hooked");
    await db.transaction(async (tx) => {
      tx.onCommit(async () => {
        const rows = await rawRows(`SELECT id FROM tasks WHERE title = ?`, title);
        log.push(`tx hook sees ${rows.length}`);
      });
      await afterCommit(runtime, () => {
        log.push("deferred");
      });
      tx.tasks.insert({ values: { title, projectId } });
      log.push("callback done");
    });
    expect(log).toEqual(["immediate", "callback done", "tx hook sees 1", "deferred"]);
  });

  it("a failing commit (constraint or guard) writes nothing and runs no hook", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const name = unique("taken");
    await db.labels.insert({ values: { name } });
    const counts = await countAll("tasks", "labels");
    let hooked = false;
    await expect(
      db.transaction(async (tx) => {
        tx.tasks.insert({ values: { title: "x", projectId } });
        tx.labels.insert({ values: { name } });
        tx.onCommit(() => {
          hooked = true;
        });
      }),
    ).rejects.toBeInstanceOf(UniqueViolationError);
    await expect(
      db.transaction(async (tx) => {
        tx.tasks.insert({ values: { title: "y", projectId } });
        tx.tasks.delete({ where: { projectId, title: "not there" }, expectRows: 1 });
      }),
    ).rejects.toBeInstanceOf(ExpectRowsError);
    expect(hooked).toBe(false);
    expect(await countAll("tasks", "labels")).toEqual(counts);
  });

  it("refuses writes queued after the callback ended; returns plain values; no writes means no batch", async () => {
    const { db, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    let leaked: { tasks: { insert(args: unknown): unknown } } | undefined;
    expect(
      await db.transaction(async (tx) => {
        leaked = tx as never;
        return 42;
      }),
    ).toBe(42);
    expect(executor.calls).toBe(0);
    const counts = await countAll("tasks");
    expect(() => leaked!.tasks.insert({ values: { title: "late", projectId } })).toThrow(InvalidQueryError);
    expect(await countAll("tasks")).toEqual(counts);
  });
});
