import { applyD1Migrations, createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type { AuthOptions } from "../../src/auth/AppflareAuth";
import { createAuthRuntime } from "../../src/auth/createAuthRuntime";
import { mountAuthRoutes } from "../../src/auth/mountAuthRoutes";
import type { AppflareConfig } from "../../src/config/AppflareConfig";
import { resolveConfig } from "../../src/config/resolveConfig";
import { createWorker } from "../../src/http/createWorker";
import schema from "../boardSchema";
import { authOptions } from "./app/authOptions";
import { modules } from "./app/modules";

/** Bindings of the auth tests: the pool's env plus a signing secret (one object, so instances are cached). */
export const authEnv: Cloudflare.Env & { BETTER_AUTH_SECRET: string; BETTER_AUTH_URL: string } = {
  ...env,
  BETTER_AUTH_SECRET: "appflare-test-secret-0123456789-abcdefghij",
  BETTER_AUTH_URL: "http://appflare.test",
};

/**
 * Migrates D1 with what drizzle-kit generated from test/boardSchema.ts extended with the test
 * app's `user.additionalFields` (`withUserFields`): the `plan` and `tags` columns come from the
 * migration, as in a real app.
 */
export async function migrateAuthDb(): Promise<void> {
  await applyD1Migrations(env.DB, env.AUTH_MIGRATIONS);
}

/**
 * The wiring the HTTP layer is expected to do for auth: `resolveSession` and `ctx.auth` through the
 * hooks, Better Auth mounted at `config.auth.basePath`.
 */
export function makeAuthWorker<O extends AuthOptions = typeof authOptions>(
  config: AppflareConfig = { auth: { options: authOptions } },
) {
  const resolved = resolveConfig(config);
  const auth = createAuthRuntime<O>({ schema, config: resolved });
  const app = createWorker({
    schema,
    config,
    modules,
    hooks: {
      resolveSession: auth.resolveSession,
      extendContext: (_ctx, info) => auth.contextFields(info.env),
    },
  });
  mountAuthRoutes(app.app, auth);
  return { ...app, auth };
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** One request through `worker.fetch` with a real execution context. */
export async function send(
  worker: { worker: { fetch(r: Request, e: Cloudflare.Env, c: ExecutionContext): Promise<Response> } },
  method: string,
  path: string,
  init: { json?: unknown; headers?: Record<string, string>; env?: Cloudflare.Env } = {},
): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const ctx = createExecutionContext();
  const response = await worker.worker.fetch(
    new Request(`http://appflare.test${path}`, {
      method,
      headers,
      body: init.json === undefined ? null : JSON.stringify(init.json),
    }),
    init.env ?? authEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body };
}

/** Signs up through `POST /api/auth/sign-up/email`; returns the bearer token and user id. */
export async function signUp(
  worker: Parameters<typeof send>[0],
  email: string,
  password = "correct horse battery",
  extra: Record<string, unknown> = {},
): Promise<{ token: string; userId: string; reply: Reply }> {
  const reply = await send(worker, "POST", "/api/auth/sign-up/email", {
    json: { email, password, name: email.split("@")[0], ...extra },
  });
  if (reply.status !== 200)
    throw new Error(`sign-up ${email}: ${reply.status} ${JSON.stringify(reply.body)}`);
  const token = reply.headers.get("set-auth-token");
  if (!token) throw new Error(`sign-up ${email}: no set-auth-token header`);
  return { token, userId: (reply.body as { user: { id: string } }).user.id, reply };
}

/** Signs in through `POST /api/auth/sign-in/email`; the reply and its bearer token (if any). */
export async function signIn(
  worker: Parameters<typeof send>[0],
  email: string,
  password = "correct horse battery",
): Promise<{ token: string | null; reply: Reply }> {
  const reply = await send(worker, "POST", "/api/auth/sign-in/email", { json: { email, password } });
  return { token: reply.headers.get("set-auth-token"), reply };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Rows of a table matching a trusted SQL condition, straight from D1. */
export async function count(table: string, where = "1 = 1", ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`)
    .bind(...binds)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
