import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../_generated/worker";

export const ORIGIN = "http://example.test";

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** One request through the generated Worker with a real execution context; JSON bodies parsed. */
export async function send(
  method: string,
  path: string,
  init: { json?: unknown; body?: BodyInit; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers = new Headers({ origin: ORIGIN, ...init.headers });
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(`${ORIGIN}${path}`, {
      method,
      headers,
      body: init.json === undefined ? (init.body ?? null) : JSON.stringify(init.json),
    }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a stored file): keep the text.
  }
  return { status: response.status, headers: response.headers, body };
}

/** `GET /queries/<name>?args=` as the holder of `token` (anonymous when null). */
export const callQuery = (name: string, args: unknown, token: string | null = null) =>
  send("GET", `/queries/${name}?args=${encodeURIComponent(JSON.stringify(args))}`, { token });

/** `POST /mutations/<name>` with a JSON body as the holder of `token` (anonymous when null). */
export const callMutation = (name: string, args: unknown, token: string | null = null) =>
  send("POST", `/mutations/${name}`, { json: args, token });

/** Signs up through Better Auth; returns the bearer token and user id. */
export async function signUp(email: string): Promise<{ token: string; userId: string }> {
  const reply = await send("POST", "/api/auth/sign-up/email", {
    json: { email, password: "a long passphrase", name: email.split("@")[0] },
  });
  const token = reply.headers.get("set-auth-token");
  if (reply.status !== 200 || !token)
    throw new Error(`sign-up ${email}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { token, userId: (reply.body as { user: { id: string } }).user.id };
}
