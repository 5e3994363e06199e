import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { writeCases } from "../../../../bench/d1-round-trips/writeCases";
import { createDb } from "../../src/db/createDb";
import { countingExecutor, d1Executor } from "../../src/db/D1Executor";
import type { DbRuntime } from "../../src/db/DbRuntime";
import { type exampleSchema, model, writeTestRuntime } from "./writeTestRuntime";

/** The rows bench/d1-round-trips/worker.ts seeds that the write cases use. */
async function seedLikeTheBenchmark() {
  const statements: D1PreparedStatement[] = [
    env.DB.prepare(
      `INSERT INTO "users" ("id", "name", "email", "email_verified", "created_at", "updated_at") VALUES ('u1', 'Bench', 'bench@example.com', 0, 0, 0)`,
    ),
  ];
  for (let l = 1; l <= 5; l++) {
    statements.push(
      env.DB.prepare(`INSERT INTO "labels" ("id", "name") VALUES (?, ?)`).bind(l, `label ${l}`),
    );
  }
  let task = 1;
  for (let p = 0; p < 20; p++) {
    const id = `00000000-0000-4000-8000-${String(p).padStart(12, "0")}`;
    statements.push(
      env.DB.prepare(
        `INSERT INTO "projects" ("id", "name", "slug", "created_at", "owner_id") VALUES (?, ?, ?, 0, 'u1')`,
      ).bind(id, `Project ${p}`, `p-${p}`),
    );
    for (let t = 0; t < 8; t++, task++) {
      statements.push(
        env.DB.prepare(
          `INSERT INTO "tasks" ("id", "title", "created_at", "project_id") VALUES (?, ?, 0, ?)`,
        ).bind(task, `Task ${task}`, id),
      );
    }
  }
  await env.DB.batch(statements);
}

describe("bench/d1-round-trips write cases", () => {
  it("each succeeds with exactly its target number of D1 calls", async () => {
    await writeTestRuntime(); // migrates env.DB
    await seedLikeTheBenchmark();
    expect(writeCases.length).toBeGreaterThanOrEqual(8);
    for (const c of writeCases) {
      const executor = countingExecutor(d1Executor(env.DB));
      const runtime: DbRuntime = {
        model,
        executor,
        limits: { defaultLimit: 100, maxLimit: 1000 },
        reads: [],
        events: [],
      };
      await c.run(createDb<typeof exampleSchema>(runtime));
      expect(executor.calls, c.name).toBe(c.target);
    }
  });
});
