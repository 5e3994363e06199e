// The bulk-insert benchmark Worker: inserts N rows into the example schema's `tasks` table either
// through ctx.db (`createDb(...).tasks.insert`) or through raw Drizzle `db.batch` of the same chunks.

import { drizzle } from "drizzle-orm/d1";
import { d1Executor } from "../../packages/server/src/db/D1Executor";
import { compiledExample as compiled } from "../support/compiledExample";
import { createTables } from "../support/createTables";
import { exampleDb } from "../support/exampleDb";
import { insertBenchUser } from "../support/insertBenchUser";

interface Env {
  DB: D1Database;
}

const PROJECT_ID = "00000000-0000-4000-8000-000000000001";

function rows(count: number, run: string) {
  return Array.from({ length: count }, (_, i) => ({ title: `${run} ${i}`, projectId: PROJECT_ID }));
}

async function viaAppflare(env: Env, count: number, run: string) {
  const inserted = await exampleDb(d1Executor(env.DB)).tasks.insert({ values: rows(count, run) });
  return inserted.length;
}

/**
 * The baseline: the same rows with the same runtime default (`createdAt`), split into the same chunks
 * ctx.db uses (100 bound parameters / 3 columns = 33 rows per statement), as ONE Drizzle batch with
 * RETURNING (ctx.db returns the rows too).
 */
async function viaDrizzle(env: Env, count: number, run: string) {
  const db = drizzle(env.DB, { schema: compiled.drizzleSchema });
  const table = compiled.tables.tasks!;
  const values = rows(count, run).map((r) => ({ ...r, createdAt: new Date() }));
  const perStatement = Math.floor(100 / 3);
  const statements = [];
  for (let i = 0; i < values.length; i += perStatement) {
    statements.push(
      db
        .insert(table)
        .values(values.slice(i, i + perStatement))
        .returning(),
    );
  }
  const results = await db.batch(
    statements as [(typeof statements)[number], ...(typeof statements)[number][]],
  );
  return results.reduce((n, r) => n + r.length, 0);
}

/** Floor reference: hand-written SQL (the statements ctx.db generates) straight to `env.DB.batch`. */
async function viaRawD1(env: Env, count: number, run: string) {
  const now = Date.now();
  const values = rows(count, run);
  const perStatement = Math.floor(100 / 3);
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < values.length; i += perStatement) {
    const chunk = values.slice(i, i + perStatement);
    const sql = `INSERT INTO "tasks" ("title", "created_at", "project_id") VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")} RETURNING *`;
    statements.push(env.DB.prepare(sql).bind(...chunk.flatMap((r) => [r.title, now, r.projectId])));
  }
  const results = await env.DB.batch(statements);
  return results.reduce((n, r) => n + r.results.length, 0);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/setup") {
      await createTables(env.DB, await request.json());
      await insertBenchUser(env.DB).run();
      await env.DB.prepare(
        `INSERT INTO "projects" ("id", "name", "slug", "created_at", "owner_id") VALUES (?, 'Bench', 'bench', 0, 'u1')`,
      )
        .bind(PROJECT_ID)
        .run();
      return Response.json({ ok: true });
    }
    if (url.pathname === "/clear") {
      await env.DB.prepare(`DELETE FROM "tasks"`).run();
      return Response.json({ ok: true });
    }
    const count = Number(url.searchParams.get("rows") ?? "10000");
    const run = url.searchParams.get("run") ?? "run";
    const modes = { "/appflare": viaAppflare, "/drizzle": viaDrizzle, "/raw": viaRawD1 } as const;
    const mode = modes[url.pathname as keyof typeof modes];
    if (mode === undefined) return new Response("not found", { status: 404 });
    const inserted = await mode(env, count, run);
    const stored = await env.DB.prepare(`SELECT count(*) AS n FROM "tasks" WHERE "title" LIKE ?`)
      .bind(`${run} %`)
      .first<{ n: number }>();
    return Response.json({ inserted, stored: stored?.n ?? 0 });
  },
};
