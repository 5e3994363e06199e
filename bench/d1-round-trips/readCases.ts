// Read operations of the d1-round-trips benchmark: each runs once against a counting executor, and its
// D1 round trips must equal `target` (by design: a read with nested `with` and
// relation aggregates is ONE statement; iterate is one statement per page).
import type { RoundTripCase } from "./RoundTripCase";

const ids = Array.from({ length: 1000 }, (_, i) => i + 1);

export const readCases: RoundTripCase[] = [
  {
    name: "findMany (plain)",
    target: 1,
    run: (db) => db.tasks.findMany({ limit: 50 }),
  },
  {
    name: "findMany + where + 2-level with + _count + _avg",
    target: 1,
    run: (db) =>
      db.projects.findMany({
        where: { status: "active" },
        with: {
          tasks: {
            where: { done: false },
            with: { labels: true, comments: { limit: 3 } },
            _count: true,
            _avg: { estimateHours: true },
          },
          owner: true,
        },
      }),
  },
  {
    name: "findMany + relation filter + 1000-item in list",
    target: 1,
    run: (db) =>
      db.tasks.findMany({
        where: { id: { in: ids }, project: { status: "active" }, labels: { name: "label 1" } },
      }),
  },
  {
    name: "findFirst + one + many",
    target: 1,
    run: (db) => db.tasks.findFirst({ where: { done: true }, with: { project: true, labels: true } }),
  },
  {
    name: "iterate 120 rows, pageSize 50 (3 pages)",
    target: 3,
    run: async (db) => {
      let n = 0;
      for await (const _ of db.tasks.iterate({ pageSize: 50, limit: 120 })) n++;
      return n;
    },
  },
  {
    name: "count + relation path",
    target: 1,
    run: (db) => db.tasks.count({ field: "project.name", distinct: true }),
  },
  { name: "sum", target: 1, run: (db) => db.tasks.sum({ field: "estimateHours", where: { done: false } }) },
  { name: "avg", target: 1, run: (db) => db.projects.avg({ field: "budget" }) },
  { name: "min (date)", target: 1, run: (db) => db.tasks.min({ field: "createdAt" }) },
  { name: "max (relation path)", target: 1, run: (db) => db.tasks.max({ field: "project.budget" }) },
  {
    name: "groupBy + aggregates",
    target: 1,
    run: (db) => db.tasks.groupBy({ by: ["projectId", "done"], _count: true, _sum: { estimateHours: true } }),
  },
];
