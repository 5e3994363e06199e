// The auth-cpu benchmark Worker: Better Auth as Appflare builds it (createAuth over the example
// schema's D1), with the default password hash (scrypt) or a custom one (PBKDF2 via WebCrypto).
// Each route does one operation so the Node side can time it.

import { hashPassword } from "better-auth/crypto";
import { createAuth } from "../../packages/server/src/auth/createAuth";
import { type PasswordHasher, pbkdf2Password } from "../../packages/server/src/auth/pbkdf2Password";
import schema from "../../packages/server/test/boardSchema";
import { createTables } from "../support/createTables";

interface Env {
  DB: D1Database;
}

const SECRETS = {
  BETTER_AUTH_SECRET: "bench-secret-0123456789-abcdefghijklmnop",
  BETTER_AUTH_URL: "http://bench",
};
const PASSWORD = "correct horse battery staple";

const hashers: Record<string, PasswordHasher | undefined> = {
  scrypt: undefined,
  // pbkdf2Password()'s default, and 4× it.
  "pbkdf2-25k": pbkdf2Password(),
  "pbkdf2-100k": pbkdf2Password({ iterations: 100_000 }),
};

function build(env: Env, mode: string) {
  const hasher = hashers[mode];
  return createAuth({
    db: env.DB,
    schema,
    env: SECRETS,
    config: { options: hasher ? { emailAndPassword: { enabled: true, password: hasher } } : {} },
  });
}

const instances = new Map<string, ReturnType<typeof build>>();
const authFor = (env: Env, mode: string) => {
  let auth = instances.get(mode);
  if (!auth) {
    auth = build(env, mode);
    instances.set(mode, auth);
  }
  return auth;
};

const post = (path: string, body: unknown) =>
  new Request(`http://bench/api/auth${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://bench" },
    body: JSON.stringify(body),
  });

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const mode = url.searchParams.get("mode") ?? "scrypt";
    if (!(mode in hashers)) return new Response(`unknown mode ${mode}`, { status: 400 });
    const email = url.searchParams.get("email") ?? "";
    switch (url.pathname) {
      case "/setup": {
        await createTables(env.DB, await request.json());
        return Response.json({ ok: true });
      }
      case "/sign-up":
        return authFor(env, mode).handler(
          post("/sign-up/email", { email, password: PASSWORD, name: "Bench" }),
        );
      case "/sign-in":
        return authFor(env, mode).handler(post("/sign-in/email", { email, password: PASSWORD }));
      case "/session": {
        // Baseline: a request that reads the session and user (D1) but hashes nothing.
        const session = await authFor(env, mode).api.getSession({
          headers: new Headers({ authorization: `Bearer ${url.searchParams.get("token") ?? ""}` }),
        });
        return Response.json({ ok: session !== null });
      }
      case "/hash": {
        const n = Number(url.searchParams.get("n") ?? 1);
        const hasher = hashers[mode];
        for (let i = 0; i < n; i++) await (hasher ? hasher.hash(PASSWORD) : hashPassword(PASSWORD));
        return Response.json({ ok: true });
      }
      case "/build": {
        // Building an instance and initializing its context: what a per-request instance would cost.
        const n = Number(url.searchParams.get("n") ?? 1);
        for (let i = 0; i < n; i++) await build(env, mode).$context;
        return Response.json({ ok: true });
      }
      case "/noop":
        return Response.json({ ok: true });
      default:
        return new Response("not found", { status: 404 });
    }
  },
};
