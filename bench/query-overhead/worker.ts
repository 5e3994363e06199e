// The query-overhead benchmark Worker. Each endpoint runs the SAME read — active projects, each with
// its open tasks, each task with its labels, plus the count of open tasks per project — `n` times and
// answers the JSON of the last result:
// - /appflare: ctx.db (`createDb(runtime).projects.findMany`), the path a generated worker takes;
// - /raw: the query hand-written as one SQL statement with JSON sub-selects on `env.DB.prepare`;
// - /drizzle: Drizzle's relational query API (`db.query.projects.findMany` with `with` + `extras`).
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { d1Executor } from "../../packages/server/src/db/D1Executor";
import { createTables } from "../support/createTables";
import { drizzleBoard } from "../support/drizzleBoard";
import { exampleDb } from "../support/exampleDb";
import { seedProjects } from "../support/seedProjects";

interface Env {
  DB: D1Database;
}

const LIMIT = 20;

async function viaAppflare(env: Env) {
  return exampleDb(d1Executor(env.DB)).projects.findMany({
    where: { status: "active" },
    with: { tasks: { where: { done: false }, with: { labels: true }, _count: true } },
    limit: LIMIT,
  });
}

const RAW_SQL = `
SELECT p.*,
  (SELECT json_group_array(json_object(
      'id', t.id, 'title', t.title, 'description', t.description, 'done', t.done, 'priority', t.priority,
      'estimateHours', t.estimate_hours, 'dueAt', t.due_at, 'checklist', json(t.checklist),
      'createdAt', t.created_at, 'projectId', t.project_id, 'assigneeId', t.assignee_id, 'parentId', t.parent_id,
      'labels', (SELECT json_group_array(json_object('id', l.id, 'name', l.name, 'color', l.color))
                 FROM labels_tasks_links lt JOIN labels l ON l.id = lt.label_id WHERE lt.task_id = t.id)))
   FROM (SELECT * FROM tasks WHERE project_id = p.id AND done = 0 ORDER BY id) t) AS tasks,
  (SELECT count(*) FROM tasks WHERE project_id = p.id AND done = 0) AS task_count
FROM projects p WHERE p.status = ? ORDER BY p.id LIMIT ?`;

interface RawTask {
  done: number;
  dueAt: number | null;
  createdAt: number;
  [key: string]: unknown;
}

async function viaRaw(env: Env) {
  const { results } = await env.DB.prepare(RAW_SQL).bind("active", LIMIT).all<Record<string, unknown>>();
  // What a hand-written endpoint does to hand out the same values: parse JSON, 0/1 → boolean, ms → Date.
  return results.map((p) => ({
    id: p.id,
    name: p.name,
    slug: p.slug,
    status: p.status,
    defaultPriority: p.default_priority,
    tags: JSON.parse(p.tags as string),
    settings: p.settings === null ? null : JSON.parse(p.settings as string),
    budget: p.budget,
    createdAt: new Date(p.created_at as number),
    ownerId: p.owner_id,
    tasks: (JSON.parse(p.tasks as string) as RawTask[]).map((t) => ({
      ...t,
      done: t.done === 1,
      dueAt: t.dueAt === null ? null : new Date(t.dueAt),
      createdAt: new Date(t.createdAt),
    })),
    tasksAggregate: { count: p.task_count },
  }));
}

async function viaDrizzle(env: Env) {
  const db = drizzle(env.DB, { schema: drizzleBoard });
  const rows = await db.query.projects.findMany({
    where: (p, { eq }) => eq(p.status, "active"),
    with: {
      tasks: {
        where: (t, { eq }) => eq(t.done, false),
        orderBy: (t, { asc }) => [asc(t.id)],
        with: { labels: { with: { label: true } } },
      },
    },
    extras: (p) => ({
      taskCount:
        sql<number>`(select count(*) from "tasks" where "tasks"."project_id" = ${p.id} and "tasks"."done" = 0)`.as(
          "task_count",
        ),
    }),
    orderBy: (p, { asc }) => [asc(p.id)],
    limit: LIMIT,
  });
  return rows;
}

const MODES: Record<string, (env: Env) => Promise<unknown[]>> = {
  appflare: viaAppflare,
  raw: viaRaw,
  drizzle: viaDrizzle,
};

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/setup") {
      await createTables(env.DB, await request.json());
      await seedProjects(env.DB, {
        projects: 30,
        labelsPerTask: 2,
        projectColumns: {
          tags: '["a","b"]',
          settings: '{"color":"red","public":true,"notifications":{"email":true,"digest":null}}',
        },
        taskColumns: { priority: "medium", checklist: '[{"text":"x","done":false,"doneAt":null}]' },
      });
      return Response.json({ ok: true });
    }
    const run = MODES[url.pathname.slice(1)];
    if (run === undefined) return new Response("not found", { status: 404 });
    const n = Number(url.searchParams.get("n") ?? 1);
    let rows: unknown[] = [];
    for (let i = 0; i < n; i++) rows = await run(env);
    return Response.json(rows);
  },
};
