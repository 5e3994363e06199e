import { applyD1Migrations, createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import {
  type AppflareConfig,
  type AppflarePlugin,
  createWorker,
  type SessionsRevoked,
} from "@appflare/server";
import type { DashboardOptions } from "../../src/DashboardOptions";
import { dashboard } from "../../src/dashboard";
import { modules } from "../app/modules";
import schema from "../app/schema";

export const ORIGIN = "http://dash.test";

/** Bindings of the tests: the pool's env plus a signing secret (one object, so auth instances are cached). */
export const testEnv: Cloudflare.Env & { BETTER_AUTH_SECRET: string; BETTER_AUTH_URL: string } = {
  ...env,
  BETTER_AUTH_SECRET: "dashboard-test-secret-0123456789-abcdefghij",
  BETTER_AUTH_URL: ORIGIN,
};

export async function migrate(): Promise<void> {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
}

/** The test app with the dashboard plugin. */
export function makeApp(
  options: DashboardOptions = {},
  config: Partial<AppflareConfig> = {},
  plugins: readonly AppflarePlugin[] = [],
) {
  return createWorker({
    schema,
    config: { name: "dash-test", storage: { binding: "STORAGE", bucketName: "dash-test" }, ...config },
    modules,
    plugins: [dashboard(options), ...plugins],
  });
}

export type TestApp = ReturnType<typeof makeApp>;

/** A fixed CSRF token: the double-submit check only needs cookie and field/header to agree. */
export const CSRF = "a".repeat(64);

export interface Send {
  readonly token?: string;
  /** Form fields (urlencoded); `_csrf` is added unless `csrf: false`. */
  readonly form?: Record<string, string>;
  readonly origin?: string | null;
  readonly csrf?: boolean;
  readonly headers?: Record<string, string>;
  /** A raw body (uploads); `form` is ignored when set. */
  readonly body?: Uint8Array;
}

/** One request through `worker.fetch` with a real execution context; CSRF cookie and Origin set like a browser. */
export async function send(app: TestApp, method: string, path: string, init: Send = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.csrf !== false) headers.append("cookie", `appflare-csrf=${CSRF}`);
  const origin = init.origin === undefined ? ORIGIN : init.origin;
  if (method !== "GET" && origin !== null) headers.set("origin", origin);
  let body: string | Uint8Array | null = init.body ?? null;
  if (init.body === undefined && (init.form || method === "POST")) {
    const fields = new URLSearchParams(init.form);
    if (init.csrf !== false) fields.set("_csrf", CSRF);
    body = fields.toString();
    headers.set("content-type", "application/x-www-form-urlencoded");
  }
  const ctx = createExecutionContext();
  const response = await app.worker.fetch(
    new Request(`${ORIGIN}${path}`, { method, headers, body, redirect: "manual" }),
    testEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

/** Signs a user up through Better Auth; `role` is then written straight to D1 (test setup only). */
export async function userWithRole(
  app: TestApp,
  email: string,
  role = "user",
): Promise<{ token: string; id: string }> {
  const ctx = createExecutionContext();
  const response = await app.worker.fetch(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ email, password: "correct horse battery", name: email.split("@")[0] }),
    }),
    testEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  if (response.status !== 200)
    throw new Error(`sign-up ${email}: ${response.status} ${await response.text()}`);
  const token = response.headers.get("set-auth-token");
  const { user } = (await response.json()) as { user: { id: string } };
  if (!token) throw new Error(`sign-up ${email}: no bearer token`);
  await env.DB.prepare("UPDATE users SET role = ? WHERE id = ?").bind(role, user.id).run();
  return { token, id: user.id };
}

/** Rows of a table, straight from D1. */
export async function count(table: string, where = "1 = 1", ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`)
    .bind(...binds)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A plugin that records the session revocations the app reports (what realtime listens to). */
export function revocationRecorder(): { plugin: AppflarePlugin; seen: SessionsRevoked[] } {
  const seen: SessionsRevoked[] = [];
  return {
    seen,
    plugin: { name: "recorder", setup: () => ({ onSessionsRevoked: (change) => void seen.push(change) }) },
  };
}
