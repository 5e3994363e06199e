import type schema from "../../apps/example/schema";
import type { Db } from "../../packages/server/src/db/types/TableClient";

type AppDb = Db<typeof schema>;

/** One subscription of the workload: how it runs, and what appflare 0.2's overlap rule saw of it. */
export interface BenchSub {
  readonly kind: string;
  /** Equal for subscriptions the Durable Object would share one run for (query + args; all anonymous). */
  readonly key: string;
  run(db: AppDb): Promise<unknown>;
  /** 0.2's view: the query's main table and its top-level equality keys (field → accepted values). */
  readonly table: string;
  readonly keys: Readonly<Record<string, readonly unknown[]>>;
}

/** A deterministic PRNG (mulberry32), so every run measures the same workload. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const projectId = (p: number) => `00000000-0000-4000-8000-${String(p).padStart(12, "0")}`;

/**
 * The mixed workload: `count` subscriptions over `projects` seeded projects (8 tasks each):
 * 35% a project's tasks, 20% a project's open/done tasks (ordered, limit 3), 15% one project with its
 * tasks (a `many` load), 10% a few tasks with their labels (manyToMany), 10% a project's open-task count,
 * 10% active projects (limit 10).
 */
export function workload(count: number, projects: number, seed = 7): BenchSub[] {
  const rnd = prng(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const subs: BenchSub[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const pid = projectId(pick(projects));
    if (r < 0.35) {
      subs.push({
        kind: "project tasks",
        key: `tasks ${pid}`,
        run: (db) =>
          db.tasks.findMany({ where: { projectId: pid }, columns: { id: true, title: true, done: true } }),
        table: "tasks",
        keys: { projectId: [pid] },
      });
    } else if (r < 0.55) {
      const done = rnd() < 0.5;
      subs.push({
        kind: "open/done tasks, limit 3",
        key: `open ${pid} ${done}`,
        run: (db) =>
          db.tasks.findMany({
            where: { projectId: pid, done },
            orderBy: { column: "createdAt", direction: "desc" },
            limit: 3,
            columns: { id: true, title: true },
          }),
        table: "tasks",
        keys: { projectId: [pid], done: [done] },
      });
    } else if (r < 0.7) {
      subs.push({
        kind: "project with tasks",
        key: `project ${pid}`,
        run: (db) =>
          db.projects.findFirst({
            where: { id: pid },
            columns: { id: true, name: true },
            with: { tasks: { columns: { id: true, title: true, done: true } } },
          }),
        table: "projects",
        keys: { id: [pid] },
      });
    } else if (r < 0.8) {
      const ids = [1 + pick(projects * 8), 1 + pick(projects * 8)];
      subs.push({
        kind: "tasks with labels",
        key: `labels ${ids.join(",")}`,
        run: (db) =>
          db.tasks.findMany({
            where: { id: { in: ids } },
            columns: { id: true, title: true },
            with: { labels: { columns: { id: true, name: true } } },
          }),
        table: "tasks",
        keys: { id: ids },
      });
    } else if (r < 0.9) {
      subs.push({
        kind: "open-task count",
        key: `count ${pid}`,
        run: (db) => db.tasks.count({ where: { projectId: pid, done: false } }),
        table: "tasks",
        keys: { projectId: [pid], done: [false] },
      });
    } else {
      subs.push({
        kind: "active projects, limit 10",
        key: "active",
        run: (db) =>
          db.projects.findMany({
            where: { status: "active" },
            limit: 10,
            columns: { id: true, name: true, status: true },
          }),
        table: "projects",
        keys: { status: ["active"] },
      });
    }
  }
  return subs;
}

/** State the mutation generator tracks: live task ids. */
export interface WriteState {
  readonly tasks: number[];
  nextTitle: number;
}

/**
 * One random write through ctx.db (what a mutation handler does): toggle/rename/move/insert/delete a
 * task, rename or (un)archive a project, or link a label.
 */
export async function randomWrite(
  db: AppDb,
  rnd: () => number,
  state: WriteState,
  projects: number,
): Promise<string> {
  const pick = (n: number) => Math.floor(rnd() * n);
  const task = state.tasks[pick(state.tasks.length)]!;
  const pid = projectId(pick(projects));
  const r = rnd();
  if (r < 0.25) {
    await db.tasks.update({ where: { id: task }, set: { done: rnd() < 0.5 } });
    return "toggle done";
  }
  if (r < 0.45) {
    await db.tasks.update({ where: { id: task }, set: { title: `Renamed ${state.nextTitle++}` } });
    return "rename task";
  }
  if (r < 0.55) {
    await db.tasks.update({ where: { id: task }, set: { projectId: pid } });
    return "move task";
  }
  if (r < 0.7) {
    const [row] = await db.tasks.insert({ values: { title: `New ${state.nextTitle++}`, projectId: pid } });
    state.tasks.push(row!.id);
    return "insert task";
  }
  if (r < 0.78) {
    await db.tasks.delete({ where: { id: task } });
    state.tasks.splice(state.tasks.indexOf(task), 1);
    return "delete task";
  }
  if (r < 0.86) {
    await db.projects.update({ where: { id: pid }, set: { name: `Project ${state.nextTitle++}` } });
    return "rename project";
  }
  if (r < 0.93) {
    await db.projects.update({ where: { id: pid }, set: { status: rnd() < 0.5 ? "active" : "archived" } });
    return "(un)archive project";
  }
  await db.tasks.update({ where: { id: task }, set: { labels: [1 + pick(5)] } });
  return "link label";
}
