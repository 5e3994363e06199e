// The d1-round-trips benchmark Worker: runs one named case against ctx.db over a counting D1 executor
// and answers how many round trips it made.
import schema from "../../apps/example/schema";
import { compileSchema } from "../../packages/schema/src/index";
import { createDb } from "../../packages/server/src/db/createDb";
import { countingExecutor, d1Executor } from "../../packages/server/src/db/D1Executor";
import type { DbRuntime } from "../../packages/server/src/db/DbRuntime";
import { cases } from "./cases";

interface Env {
  DB: D1Database;
}

const compiled = compileSchema(schema);

async function setup(env: Env, ddl: string[]) {
  for (const statement of ddl) await env.DB.prepare(statement).run();
  const s: D1PreparedStatement[] = [
    env.DB.prepare(
      `INSERT INTO "users" ("id", "name", "email", "email_verified", "created_at", "updated_at") VALUES ('u1', 'Bench', 'bench@example.com', 0, 0, 0)`,
    ),
  ];
  for (let l = 1; l <= 5; l++) {
    s.push(
      env.DB.prepare(`INSERT INTO "labels" ("id", "name", "color") VALUES (?, ?, '#888888')`).bind(
        l,
        `label ${l}`,
      ),
    );
  }
  let task = 1;
  for (let p = 0; p < 20; p++) {
    const id = `00000000-0000-4000-8000-${String(p).padStart(12, "0")}`;
    s.push(
      env.DB.prepare(
        `INSERT INTO "projects" ("id", "name", "slug", "status", "budget", "created_at", "owner_id") VALUES (?, ?, ?, ?, ?, ?, 'u1')`,
      ).bind(
        id,
        `Project ${p}`,
        `p-${p}`,
        p % 3 === 2 ? "archived" : "active",
        p * 10.5,
        1_700_000_000_000 + p,
      ),
    );
    for (let t = 0; t < 8; t++, task++) {
      s.push(
        env.DB.prepare(
          `INSERT INTO "tasks" ("id", "title", "done", "estimate_hours", "created_at", "project_id") VALUES (?, ?, ?, ?, ?, ?)`,
        ).bind(task, `Task ${task}`, t % 2, t * 1.5, 1_700_000_000_000 + task, id),
      );
      s.push(
        env.DB.prepare(`INSERT INTO "labels_tasks_links" ("label_id", "task_id") VALUES (?, ?)`).bind(
          (task % 5) + 1,
          task,
        ),
      );
    }
  }
  await env.DB.batch(s);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/setup") {
      await setup(env, await request.json());
      return Response.json({ cases: cases.map((c) => ({ name: c.name, target: c.target })) });
    }
    const found = cases.find((c) => c.name === url.searchParams.get("case"));
    if (found === undefined) return new Response("unknown case", { status: 404 });
    const executor = countingExecutor(d1Executor(env.DB));
    const runtime: DbRuntime = {
      model: compiled.model,
      executor,
      limits: { defaultLimit: 100, maxLimit: 1000 },
      reads: [],
      events: [],
    };
    try {
      await found.run(createDb<typeof schema>(runtime));
      return Response.json({ calls: executor.calls });
    } catch (error) {
      return Response.json({ calls: executor.calls, error: String(error) }, { status: 500 });
    }
  },
};
