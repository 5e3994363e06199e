import { applyD1Migrations, createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import {
  type ClientMessage,
  decodeServerMessage,
  encodeMessage,
  type ServerMessage,
} from "../src/protocol/index";
import { app, coalescedApp } from "./app/worker";

export { app, coalescedApp };

type App = typeof app;

/** Migrates `env.DB` from test/app/schema.ts (idempotent). */
export async function migrate(): Promise<void> {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly response: Response;
}

/**
 * One request through the app's `worker.fetch` with a real execution context; waits for its
 * `waitUntil` work (event fan-out to the shards, which re-run and push before answering).
 */
export async function request(
  method: string,
  path: string,
  init: { json?: unknown; body?: string; headers?: Record<string, string>; app?: App } = {},
): Promise<Reply> {
  const headers = new Headers(init.headers);
  let body: string | null = init.body ?? null;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  const ctx = createExecutionContext();
  const response = await (init.app ?? app).worker.fetch(
    new Request(`http://appflare.test${path}`, { method, headers, body }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  if (response.webSocket)
    return { status: response.status, headers: response.headers, body: undefined, response };
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON.
  }
  return { status: response.status, headers: response.headers, body: parsed, response };
}

/** Runs a mutation as `token` (or anonymously) and returns its reply (after the shards were told). */
export function mutate(name: string, args: unknown, token?: string, through: App = app): Promise<Reply> {
  return request("POST", `/mutations/${name}`, {
    json: args,
    headers: token ? bearer(token) : {},
    app: through,
  });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let users = 0;

/** Signs a new user up; returns their bearer token and id. */
export async function signUp(name = `user${++users}`): Promise<{ token: string; userId: string }> {
  const email = `${name}-${crypto.randomUUID().slice(0, 8)}@realtime.test`;
  const reply = await request("POST", "/api/auth/sign-up/email", {
    json: { email, password: "correct horse battery", name },
  });
  const token = reply.headers.get("set-auth-token");
  if (reply.status !== 200 || !token)
    throw new Error(`sign-up ${email}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { token, userId: (reply.body as { user: { id: string } }).user.id };
}

/** A WebSocket client inside workerd, recording every frame it receives. */
export class TestSocket {
  readonly messages: ServerMessage[] = [];
  readonly raw: string[] = [];
  closed: { code: number; reason: string } | undefined;
  #waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.accept();
    ws.addEventListener("message", (event) => {
      const text = typeof event.data === "string" ? event.data : "";
      this.raw.push(text);
      const decoded = decodeServerMessage(text);
      if (decoded.ok) this.messages.push(decoded.message);
      this.wake();
    });
    ws.addEventListener("close", (event) => {
      this.closed = { code: event.code, reason: event.reason };
      this.wake();
    });
  }

  /** Opens a socket at `path` (e.g. `/realtime/ws`); throws with the reply when there is no upgrade. */
  static async open(
    path = "/realtime/ws",
    headers: Record<string, string> = {},
    through: App = app,
  ): Promise<TestSocket> {
    const reply = await request("GET", path, { headers: { upgrade: "websocket", ...headers }, app: through });
    const ws = reply.response.webSocket;
    if (!ws) throw new Error(`no upgrade at ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return new TestSocket(ws);
  }

  /** A multiplexed socket that sent `connect` and got `connected`. */
  static async connect(authToken?: string, through: App = app): Promise<TestSocket> {
    const socket = await TestSocket.open("/realtime/ws", {}, through);
    socket.send(authToken === undefined ? { type: "connect" } : { type: "connect", authToken });
    await socket.next((m) => m.event === "connected");
    return socket;
  }

  send(message: ClientMessage | string): void {
    this.ws.send(typeof message === "string" ? message : encodeMessage(message));
  }

  /** The first message at or after `from` matching `match`; waits up to `ms`. */
  async next<M extends ServerMessage>(
    match: (m: ServerMessage) => m is M,
    ms?: number,
    from?: number,
  ): Promise<M>;
  async next(match: (m: ServerMessage) => boolean, ms?: number, from?: number): Promise<ServerMessage>;
  async next(match: (m: ServerMessage) => boolean, ms = 5000, from = 0): Promise<ServerMessage> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (this.closed)
        throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) waiting for a message`);
      if (Date.now() > deadline)
        throw new Error(`no matching message in ${ms} ms; got ${JSON.stringify(this.messages)}`);
      await this.wait(deadline - Date.now());
    }
  }

  /** Waits until the socket closed; returns the close. */
  async closedWith(ms = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error(`socket still open after ${ms} ms`);
      await this.wait(deadline - Date.now());
    }
    return this.closed;
  }

  /**
   * Round trip through the Durable Object (a JSON ping it answers itself): every message it sent
   * before is received by then, so the socket is quiescent.
   */
  async sync(): Promise<void> {
    const from = this.messages.length;
    this.send('{"type":"ping"}');
    await this.next((m) => m.event === "pong", 5000, from);
  }

  /** Messages of one subscription id. */
  of(id: string): ServerMessage[] {
    return this.messages.filter((m) => "payload" in m && (m.payload as { id?: string }).id === id);
  }

  close(): void {
    try {
      this.ws.close(1000, "done");
    } catch {
      // Already closed.
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(1, ms));
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }
}
