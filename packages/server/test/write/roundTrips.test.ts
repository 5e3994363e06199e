import { describe, expect, it } from "vitest";
import { increment } from "../../src/db/operators";
import { seedProject, seedUser, unique, writeTestRuntime } from "./writeTestRuntime";

type Db = Awaited<ReturnType<typeof writeTestRuntime>>["db"];

describe("D1 round trips of writes", () => {
  it("every write API call — nested relation writes, before-images and guards included — is exactly one batch", async () => {
    const { db: seedDb } = await writeTestRuntime();
    const ownerId = await seedUser();
    const projectId = await seedProject(ownerId);
    const [label] = await seedDb.labels.insert({ values: { name: unique("rt") } });
    const [loose] = await seedDb.tasks.insert({ values: { title: "loose", projectId } });
    const cases: [string, (db: Db) => Promise<unknown>][] = [
      ["insert one", (db) => db.tasks.insert({ values: { title: "a", projectId } })],
      [
        "insert 300",
        (db) =>
          db.tasks.insert({ values: Array.from({ length: 300 }, (_, i) => ({ title: `r${i}`, projectId })) }),
      ],
      [
        "insert nested 2 levels + m2m + many ids",
        (db) =>
          db.projects.insert({
            values: {
              name: "n",
              slug: unique("n"),
              ownerId,
              tasks: [
                loose!.id,
                {
                  title: "t",
                  subtasks: [{ title: "s", projectId }],
                  labels: [label!.id, { name: unique("x") }],
                },
              ],
            },
          }),
      ],
      [
        "update with guard and m2m",
        (db) =>
          db.tasks.update({
            where: { title: "a" },
            set: { estimateHours: 1, labels: [label!.id] },
            expectRows: 1,
          }),
      ],
      [
        "update with limit",
        (db) => db.tasks.update({ where: { projectId }, set: { estimateHours: increment() }, limit: 5 }),
      ],
      [
        "upsert with guard",
        (db) =>
          db.labels.upsert({ values: [{ name: label!.name, color: "c" }], target: "name", expectRows: 1 }),
      ],
      ["delete with guard", (db) => db.tasks.delete({ where: { title: "r0" }, expectRows: 1 })],
      [
        "batch of four",
        (db) =>
          db.batch((tx) => [
            tx.tasks.insert({ values: { title: "b", projectId } }),
            tx.tasks.update({ where: { title: "b" }, set: { done: true } }),
            tx.labels.upsert({ values: { name: unique("u") }, target: "name" }),
            tx.tasks.delete({ where: { title: "r1" } }),
          ]),
      ],
    ];
    for (const [name, run] of cases) {
      const { db, executor } = await writeTestRuntime();
      await run(db);
      expect(executor.calls, name).toBe(1);
      expect(executor.batches, name).toHaveLength(1);
    }
  });
});
