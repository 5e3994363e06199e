// Write operations of the d1-round-trips benchmark: each runs once against a counting executor and
// must make exactly one D1 call (by design: a write, however many rows, relations,
// before-images and guards, is ONE batch; `batch(...)` is one). Uses the rows worker.ts seeds
// (support/seedProjects.ts): user "u1", projects 00000000-0000-4000-8000-0000000000NN, labels 1–5,
// tasks 1–160.
import { increment } from "../../packages/server/src/db/operators";
import type { RoundTripCase } from "./RoundTripCase";

const projectId = "00000000-0000-4000-8000-000000000000";
const ownerId = "u1";

export const writeCases: RoundTripCase[] = [
  {
    name: "insert 1 row",
    target: 1,
    run: (db) => db.tasks.insert({ values: { title: "write case: one", projectId } }),
  },
  {
    name: "insert 300 rows (chunked: 10 statements)",
    target: 1,
    run: (db) =>
      db.tasks.insert({
        values: Array.from({ length: 300 }, (_, i) => ({ title: `write case: bulk ${i}`, projectId })),
      }),
  },
  {
    name: "insert nested: project → tasks → subtasks + new and linked labels + re-pointed task",
    target: 1,
    run: (db) =>
      db.projects.insert({
        values: {
          name: "write case: nested",
          slug: `write-case-nested-${crypto.randomUUID()}`,
          ownerId,
          tasks: [
            160,
            {
              title: "write case: parent",
              subtasks: [{ title: "write case: child", projectId }],
              labels: [1, { name: `write case label ${crypto.randomUUID()}` }],
            },
          ],
        },
      }),
  },
  {
    name: "update + expectRows guard + before-image + manyToMany overwrite",
    target: 1,
    run: (db) =>
      db.tasks.update({
        where: { id: 1 },
        set: { done: true, labels: { items: [2, 3], mode: "overwrite" } },
        expectRows: 1,
      }),
  },
  {
    name: "update with limit + increment",
    target: 1,
    run: (db) => db.tasks.update({ where: { projectId }, set: { estimateHours: increment() }, limit: 5 }),
  },
  {
    name: "upsert 2 rows on a unique field + expectRows",
    target: 1,
    run: (db) =>
      db.labels.upsert({
        values: [{ name: "label 1", color: "#111111" }, { name: `write case label ${crypto.randomUUID()}` }],
        target: "name",
        expectRows: 1,
      }),
  },
  {
    name: "delete with cascade images (project → tasks → links) + expectRows",
    target: 1,
    run: (db) => db.projects.delete({ where: { id: "00000000-0000-4000-8000-000000000019" }, expectRows: 1 }),
  },
  {
    name: "batch of 4 writes",
    target: 1,
    run: (db) =>
      db.batch((tx) => [
        tx.tasks.insert({ values: { title: "write case: batch", projectId } }),
        tx.tasks.update({ where: { title: "write case: batch" }, set: { done: true } }),
        tx.labels.upsert({ values: { name: "label 5", color: "#555555" }, target: "name" }),
        tx.tasks.delete({ where: { id: 2 } }),
      ]),
  },
  {
    name: "transaction: 1 read + 2 queued writes",
    target: 2,
    run: (db) =>
      db.transaction(async (tx) => {
        const task = await tx.tasks.findFirst({ where: { id: 3 } });
        tx.tasks.update({ where: { id: 3 }, set: { title: `${task?.title ?? "task"}!` } });
        tx.labels.insert({ values: { name: `write case label ${crypto.randomUUID()}` } });
      }),
  },
];
