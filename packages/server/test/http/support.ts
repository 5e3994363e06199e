import { applyD1Migrations, createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type { AppflareConfig } from "../../src/config/AppflareConfig";
import { createWorker } from "../../src/http/createWorker";
import type { WorkerHooks } from "../../src/http/WorkerHooks";
import schema from "../boardSchema";
import type { TestContextExtension } from "./app/handlers";
import { modules } from "./app/modules";

/** Migrates `env.DB` from test/boardSchema.ts (idempotent: applied migrations are recorded). */
export async function migrate(): Promise<void> {
  await applyD1Migrations(env.DB, env.EXAMPLE_MIGRATIONS);
}

export type TestHooks = WorkerHooks<Cloudflare.Env, TestContextExtension>;

/** A worker over the test modules; `extendContext` adds `ctx.stamp` unless the hooks replace it. */
export function makeWorker(options: { config?: AppflareConfig; hooks?: TestHooks } = {}) {
  return createWorker<Cloudflare.Env, TestContextExtension>({
    schema,
    config: options.config ?? {},
    modules,
    hooks: { extendContext: () => ({ stamp: "stamped" }), ...options.hooks },
  });
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON body (`undefined` for an empty body). */
  readonly body: unknown;
  readonly text: string;
}

/**
 * Sends one request through `worker.fetch` with a real execution context, and waits for its
 * `waitUntil` work (event publishing) before returning.
 */
export async function call(
  worker: ReturnType<typeof makeWorker>,
  method: string,
  path: string,
  init: {
    body?: BodyInit | null;
    json?: unknown;
    headers?: Record<string, string>;
    env?: Cloudflare.Env;
  } = {},
): Promise<CallResult> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const ctx = createExecutionContext();
  const response = await worker.worker.fetch(
    new Request(`http://appflare.test${path}`, { method, headers, body: body ?? null }),
    init.env ?? env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
    text,
  };
}

/** `GET /queries/<name>?args=<json>`. */
export function queryPath(name: string, args?: unknown): string {
  return args === undefined
    ? `/queries/${name}`
    : `/queries/${name}?args=${encodeURIComponent(JSON.stringify(args))}`;
}

/** Row count of a table (optionally filtered by a trusted SQL condition), straight from D1. */
export async function countRows(table: string, where = "1 = 1"): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`).first<{
    n: number;
  }>();
  return row?.n ?? 0;
}

/** Inserts a user row (projects reference users). */
export async function seedUser(id: string): Promise<void> {
  const now = Date.now();
  await env.DB.prepare(
    "INSERT OR IGNORE INTO users (id, name, email, email_verified, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)",
  )
    .bind(id, `User ${id}`, `${id}@example.test`, now, now)
    .run();
}
