/**
 * Issue 9 item 9: a FOREIGN KEY failure inside a batch of several tables must name the table of the
 * statement that failed, not the first write of the batch. SQLite's message names no table, so the
 * executor finds the failing statement (`locateFailingWrite`); every case writes nothing.
 */
import { describe, expect, it } from "vitest";
import { ForeignKeyViolationError } from "../../src/errors/DbError";
import { countAll, seedProject, seedUser, unique, writeTestRuntime } from "./writeTestRuntime";

const TABLES = ["projects", "tasks", "labels", "comments", "labelsTasksLinks", "users"];

type Db = Awaited<ReturnType<typeof writeTestRuntime>>["db"];
interface Seeds {
  readonly projectId: string;
  readonly taskId: number;
  readonly ownerId: string;
}

const missing = "00000000-0000-4000-8000-000000000000";

const cases: ReadonlyArray<{ name: string; table: string; write: (db: Db, s: Seeds) => Promise<unknown> }> = [
  {
    name: "batch: a good label insert, then a task in a missing project",
    table: "tasks",
    write: (db) =>
      db.batch((tx) => [
        tx.labels.insert({ values: { name: unique("fk-l") } }),
        tx.tasks.insert({ values: { title: "orphan", projectId: missing } }),
      ]),
  },
  {
    name: "batch: the bad task first, then a good label",
    table: "tasks",
    write: (db) =>
      db.batch((tx) => [
        tx.tasks.insert({ values: { title: "orphan", projectId: missing } }),
        tx.labels.insert({ values: { name: unique("fk-l") } }),
      ]),
  },
  {
    name: "batch: a good project, then a comment on a missing task",
    table: "comments",
    write: (db, s) =>
      db.batch((tx) => [
        tx.projects.insert({ values: { name: "p", slug: unique("fk-p"), ownerId: s.ownerId } }),
        tx.labels.insert({ values: { name: unique("fk-l") } }),
        tx.comments.insert({ values: { body: "hi", taskId: 987_654_321 } }),
      ]),
  },
  {
    name: "nested insert: a good task whose nested comment has a missing author",
    table: "comments",
    write: (db, s) =>
      db.tasks.insert({
        values: { title: "t", projectId: s.projectId, comments: [{ body: "c", authorId: "no-such-user" }] },
      }),
  },
  {
    name: "batch: a label insert, then an update moving a task to a missing project",
    table: "tasks",
    write: (db, s) =>
      db.batch((tx) => [
        tx.labels.insert({ values: { name: unique("fk-l") } }),
        tx.tasks.update({ where: { id: s.taskId }, set: { projectId: missing } }),
      ]),
  },
  {
    name: "transaction: a project update, then a task in a missing project",
    table: "tasks",
    write: (db, s) =>
      db.transaction(async (tx) => {
        tx.projects.update({ where: { id: s.projectId }, set: { name: "renamed" } });
        tx.tasks.insert({ values: { title: "orphan", projectId: missing } });
      }),
  },
];

describe("FOREIGN KEY failures name the failing statement's table", () => {
  for (const c of cases) {
    it(`${c.name} → 409 naming "${c.table}", nothing written`, async () => {
      const { db } = await writeTestRuntime();
      const ownerId = await seedUser();
      const projectId = await seedProject(ownerId);
      const [task] = await db.tasks.insert({ values: { title: "seed", projectId } });
      const seeds = { projectId, taskId: task!.id, ownerId };
      const before = await countAll(...TABLES);
      const error = await c.write(db, seeds).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForeignKeyViolationError);
      expect((error as ForeignKeyViolationError).status).toBe(409);
      expect((error as ForeignKeyViolationError).body).toMatchObject({
        code: "foreign_key_violation",
        table: c.table,
      });
      expect(await countAll(...TABLES)).toEqual(before);
    });
  }
});
