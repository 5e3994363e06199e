import {
  applyD1Migrations,
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { pbkdf2Password } from "../../src/auth/pbkdf2Password";
import { createWorker } from "../../src/http/createWorker";
import type { SchedulerMessageBody } from "../../src/scheduler/SchedulerMessage";
import schema from "../boardSchema";
import { seen } from "./wiring/jobs";
import { modules } from "./wiring/modules";

// Everything below goes through `createWorker` alone: no hooks, as the generated worker calls it.
const BODY_LIMIT = 1024;
const app = createWorker({
  schema,
  config: {
    storage: {},
    cors: ["https://app.example.com"],
    limits: { bodyBytes: BODY_LIMIT },
    // PBKDF2 at a low count keeps sign-up cheap in tests (see the README on the CPU trade-off).
    auth: {
      options: { emailAndPassword: { enabled: true, password: pbkdf2Password({ iterations: 1_000 }) } },
    },
  },
  modules,
});

/** Recording producer: what `ctx.scheduler.enqueue` sent, forwarded to the real queue binding. */
const sent: SchedulerMessageBody[] = [];
const producer = {
  async send(body: SchedulerMessageBody, options?: QueueSendOptions) {
    sent.push(structuredClone(body));
    return env.APPFLARE_QUEUE.send(body, options);
  },
} as unknown as Queue;

/** One env object for the whole file, so Better Auth instances are cached across requests. */
const bindings: Cloudflare.Env & { BETTER_AUTH_SECRET: string; BETTER_AUTH_URL: string } = {
  ...env,
  APPFLARE_QUEUE: producer,
  BETTER_AUTH_SECRET: "appflare-wiring-secret-0123456789-abcdefghij",
  BETTER_AUTH_URL: "http://appflare.test",
};

interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

async function send(
  method: string,
  path: string,
  init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers = new Headers(init.headers);
  let body = init.body ?? null;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  const ctx = createExecutionContext();
  const response = await app.worker.fetch(
    new Request(`http://appflare.test${path}`, { method, headers, body }),
    bindings,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (an object's bytes): keep the text.
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const object = (path: string) => `/storage/object?path=${encodeURIComponent(path)}`;

let token = "";
let userId = "";

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.EXAMPLE_MIGRATIONS);
  const email = `wiring-${crypto.randomUUID()}@example.test`;
  const reply = await send("POST", "/api/auth/sign-up/email", {
    json: { email, password: "correct horse battery", name: "Wiring" },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  token = reply.headers.get("set-auth-token") ?? "";
  userId = (reply.body as { user: { id: string } }).user.id;
  expect(token).not.toBe("");
});

describe("auth through createWorker", () => {
  it("a bearer token from set-auth-token signs the caller in: an authRequired query sees ctx.user", async () => {
    const res = await send("GET", "/queries/account/me", { headers: bearer(token) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: userId, email: expect.stringMatching(/^wiring-/), role: "user" });
  });

  it("without a session the same query is 401", async () => {
    const res = await send("GET", "/queries/account/me");
    expect([res.status, res.body]).toEqual([401, expect.objectContaining({ code: "unauthorized" })]);
  });
});

describe("storage through createWorker", () => {
  it("PUT then GET round-trips an object a storage manager allows (limits.bodyBytes does not apply)", async () => {
    const path = `users/${userId}/big.txt`;
    const content = "x".repeat(BODY_LIMIT * 4);
    const put = await send("PUT", object(path), {
      body: content,
      headers: { ...bearer(token), "content-type": "text/plain", "x-appflare-meta-owner": userId },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ path, size: content.length, contentType: "text/plain" });

    const get = await send("GET", object(path), { headers: bearer(token) });
    expect(get.status).toBe(200);
    expect(get.text).toBe(content);
    expect(get.headers.get("x-appflare-meta-owner")).toBe(userId);
  });

  it("denies what no manager allows (403 forbidden), anonymous callers included", async () => {
    const other = await send("PUT", object("users/someone-else/x.txt"), {
      body: "nope",
      headers: bearer(token),
    });
    expect([other.status, other.body]).toEqual([
      403,
      expect.objectContaining({ code: "forbidden", path: "users/someone-else/x.txt", method: "put" }),
    ]);
    const anonymous = await send("GET", object(`users/${userId}/big.txt`));
    expect(anonymous.status).toBe(403);
    expect(await env.STORAGE.head("users/someone-else/x.txt")).toBeNull();
  });

  it("ctx.storage in a mutation is checked by the same managers with the caller's ctx", async () => {
    const mine = await send("POST", "/mutations/files/writeNote", {
      json: { path: `users/${userId}/note.txt`, text: "hello" },
      headers: bearer(token),
    });
    expect([mine.status, mine.body]).toEqual([
      200,
      { path: `users/${userId}/note.txt`, size: 5, text: "hello" },
    ]);
    const theirs = await send("POST", "/mutations/files/writeNote", {
      json: { path: "public/defaced.txt", text: "x" },
      headers: bearer(token),
    });
    expect([theirs.status, theirs.body]).toEqual([403, expect.objectContaining({ code: "forbidden" })]);
  });

  it("CORS lets storage headers through: preflight allows Range and metadata, responses expose them", async () => {
    const origin = "https://app.example.com";
    const preflight = await send("OPTIONS", object(`users/${userId}/big.txt`), {
      headers: { origin, "access-control-request-method": "PUT" },
    });
    expect(preflight.status).toBe(204);
    const allowed = preflight.headers.get("access-control-allow-headers") ?? "";
    for (const header of ["range", "if-none-match", "if-range", "content-type"]) {
      expect(allowed).toContain(header);
    }
    const echoed = await send("OPTIONS", object(`users/${userId}/big.txt`), {
      headers: {
        origin,
        "access-control-request-method": "PUT",
        "access-control-request-headers": "content-type, x-appflare-meta-owner",
      },
    });
    expect(echoed.headers.get("access-control-allow-headers")).toBe("content-type, x-appflare-meta-owner");

    const get = await send("GET", object(`users/${userId}/big.txt`), {
      headers: { ...bearer(token), origin, range: "bytes=0-9" },
    });
    expect(get.status).toBe(206);
    const exposed = (get.headers.get("access-control-expose-headers") ?? "").split(/,\s*/);
    expect(exposed).toEqual(
      expect.arrayContaining([
        "etag",
        "content-range",
        "content-disposition",
        "accept-ranges",
        "x-appflare-meta-owner",
      ]),
    );
  });
});

describe("scheduler and cron through createWorker", () => {
  it("a mutation enqueues { task, payload, enqueuedAt, id }; worker.queue runs it with ctx.job", async () => {
    sent.length = 0;
    seen.task.length = 0;
    const res = await send("POST", "/mutations/jobs/kickoff", { json: { label: "wired" } });
    expect(res.status).toBe(200);
    const [body] = sent as [SchedulerMessageBody];
    expect(body).toEqual({
      task: "jobs/record",
      payload: { label: "wired" },
      enqueuedAt: expect.any(Number),
      id: (res.body as { id: string }).id,
    });

    const batch = createMessageBatch("appflare-scheduler", [
      { id: "wired-1", timestamp: new Date(), attempts: 2, body },
    ]);
    const ctx = createExecutionContext();
    await app.worker.queue(batch, bindings, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["wired-1"]);
    expect(seen.task).toEqual([
      {
        label: "wired",
        job: { id: body.id, task: "jobs/record", attempts: 2, enqueuedAt: new Date(body.enqueuedAt) },
      },
    ]);
    const row = await env.DB.prepare("SELECT count(*) AS n FROM labels WHERE name = ?")
      .bind(`wired-${body.id}`)
      .first<{ n: number }>();
    expect(row?.n).toBe(1);
  });

  it("worker.scheduled runs the cron handler with ctx.auth and ctx.scheduler, no user or request", async () => {
    sent.length = 0;
    seen.cron.length = 0;
    const ctx = createExecutionContext();
    await app.worker.scheduled(
      createScheduledController({ cron: "5 4 * * *", scheduledTime: Date.now() }),
      bindings,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(seen.cron).toEqual([{ user: null, hasRequest: false, hasAuth: true, hasScheduler: true }]);
    expect(sent.map((b) => [b.task, b.payload])).toEqual([["jobs/record", { label: "from-cron" }]]);
  });
});

describe("bans reach storage too", () => {
  it("a banned caller gets 403 banned from the storage routes", async () => {
    await env.DB.prepare("UPDATE users SET banned = 1 WHERE id = ?").bind(userId).run();
    const res = await send("GET", object(`users/${userId}/big.txt`), { headers: bearer(token) });
    expect([res.status, res.body]).toEqual([403, expect.objectContaining({ code: "banned" })]);
  });
});
