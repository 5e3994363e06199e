import { applyD1Migrations, env } from "cloudflare:test";
import { getSchemaModel, type TableModel } from "@appflare/schema";
import { createDb } from "../../src/db/createDb";
import { countingExecutor, type D1Executor, d1Executor } from "../../src/db/D1Executor";
import type { DbRuntime } from "../../src/db/DbRuntime";
import type { Sql } from "../../src/db/sql";
import schema from "../boardSchema";

/** The example app's schema: uuid and autoincrement keys, self relations, manyToMany, checks, uniques. */
export const exampleSchema = schema;
export const model = getSchemaModel(schema);

/** A table of the example schema by name. */
export function table(name: string): TableModel {
  const t = model.tables[name];
  if (t === undefined) throw new Error(`example schema has no table "${name}"`);
  return t;
}

/** An executor that counts round trips and keeps the statements of every batch it ran. */
export function recordingExecutor(inner: D1Executor) {
  const counting = countingExecutor(inner);
  const batches: Sql[][] = [];
  return {
    get calls() {
      return counting.calls;
    },
    batches,
    all: (statement: Sql) => counting.all(statement),
    batch: (statements: readonly Sql[]) => {
      batches.push([...statements]);
      return counting.batch(statements);
    },
  };
}

/**
 * Migrates `env.DB` (idempotent) and returns a fresh runtime whose executor counts round trips and
 * records statements, with `db` = `createDb(runtime)` typed to the example schema.
 */
export async function writeTestRuntime() {
  await applyD1Migrations(env.DB, env.EXAMPLE_MIGRATIONS);
  const executor = recordingExecutor(d1Executor(env.DB));
  const runtime: DbRuntime & { executor: typeof executor } = {
    model,
    executor,
    limits: { defaultLimit: 100, maxLimit: 1000 },
    reads: [],
    events: [],
  };
  return { runtime, executor, db: createDb<typeof schema>(runtime) };
}

/** Rows of a raw query on `env.DB` (assertions read around the code under test). */
export async function rawRows<T = Record<string, unknown>>(
  query: string,
  ...params: unknown[]
): Promise<T[]> {
  return (
    await env.DB.prepare(query)
      .bind(...params)
      .all<T>()
  ).results;
}

/** Number of rows of a table, read straight from D1 (not through the code under test). */
export async function countRows(tableName: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM "${table(tableName).sqlName}"`).first<{
    n: number;
  }>();
  return row?.n ?? 0;
}

/** Row counts of several tables, to assert a rejected write left all of them unchanged. */
export async function countAll(...tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await countRows(t);
  return out;
}

let seq = 0;
/** A value unique within the test run (slugs, names, emails). */
export function unique(prefix: string): string {
  seq++;
  return `${prefix}-${seq}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Inserts a project straight into D1 and returns its id (tasks need a project). */
export async function seedProject(ownerId?: string): Promise<string> {
  const owner = ownerId ?? (await seedUser());
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO "projects" ("id", "name", "slug", "created_at", "owner_id") VALUES (?, ?, ?, 0, ?)`,
  )
    .bind(id, "Seeded", unique("seeded"), owner)
    .run();
  return id;
}

/** Inserts a user straight into D1 and returns its id (projects need an owner). */
export async function seedUser(): Promise<string> {
  const id = unique("user");
  await env.DB.prepare(
    `INSERT INTO "users" ("id", "name", "email", "email_verified", "created_at", "updated_at") VALUES (?, ?, ?, 0, 0, 0)`,
  )
    .bind(id, "Test User", `${id}@example.com`)
    .run();
  return id;
}
