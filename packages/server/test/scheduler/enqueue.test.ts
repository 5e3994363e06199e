import { createExecutionContext } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SchedulerMessageBody } from "../../src/scheduler/SchedulerMessage";
import { labelCount, makeSchedulerApp, migrate, mutate, recordingEnv } from "./support";

const app = makeSchedulerApp();

beforeAll(migrate);

let errorLog: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => errorLog.mockRestore());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("ctx.scheduler.enqueue", () => {
  it("sends { task, payload, enqueuedAt, id } with the delay to the producer binding", async () => {
    const { env, sent } = recordingEnv();
    const before = Date.now();
    const res = await mutate(app, env, "jobs/enqueue", { name: "delayed", delaySeconds: 30 });
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    const [{ body, options }] = sent as [(typeof sent)[number]];
    const message = body as SchedulerMessageBody;
    expect(message).toEqual({
      task: "mail/record",
      // Structured clone: the Date survives the trip.
      payload: { name: "delayed", at: new Date(0) },
      enqueuedAt: expect.any(Number),
      id: expect.stringMatching(UUID),
    });
    expect(message.enqueuedAt).toBeGreaterThanOrEqual(before);
    expect(options).toEqual({ delaySeconds: 30 });
    expect(res.body).toEqual({ id: message.id, deferred: false });
  });

  it("sends without options when no delay is asked for; ids differ per enqueue", async () => {
    const { env, sent } = recordingEnv();
    await mutate(app, env, "jobs/enqueue", { name: "now-1" });
    await mutate(app, env, "jobs/enqueue", { name: "now-2" });
    expect(sent.map((s) => s.options)).toEqual([undefined, undefined]);
    const [a, b] = sent.map((s) => (s.body as SchedulerMessageBody).id);
    expect(a).not.toBe(b);
  });

  it("rejects a payload the task's args refuse: 400 invalid_args naming the task, nothing sent", async () => {
    const { env, sent } = recordingEnv();
    const res = await mutate(app, env, "jobs/enqueueInvalid");
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: "invalid_args",
      message: expect.stringContaining('Invalid payload for scheduler task "mail/record": name:'),
      issues: [expect.objectContaining({ path: ["name"] })],
    });
    expect(sent).toEqual([]);
  });

  it("an unknown task name is a 500 whose log names the task; nothing sent", async () => {
    const { env, sent } = recordingEnv();
    const res = await mutate(app, env, "jobs/enqueueUnknown");
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: "internal", message: "Internal error" });
    expect(sent).toEqual([]);
    const logged = errorLog.mock.calls.map((call: unknown[]) => String(call[1]));
    expect(logged.join("\n")).toContain('No scheduler task named "mail/nope"');
    expect(logged.join("\n")).toContain('"mail/record"');
  });

  it("inside ctx.db.transaction: sent only after the commit", async () => {
    const { env, sent } = recordingEnv();
    const res = await mutate(app, env, "jobs/enqueueInTransaction", { name: "committed", fail: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deferred: true });
    expect(await labelCount("name = 'tx-committed'")).toBe(1);
    expect(sent.map((s) => (s.body as SchedulerMessageBody).payload)).toEqual([{ name: "committed" }]);
  });

  it("inside ctx.db.transaction that throws: nothing written, nothing sent", async () => {
    const { env, sent } = recordingEnv();
    const res = await mutate(app, env, "jobs/enqueueInTransaction", { name: "rolled", fail: true });
    expect(res.status).toBe(409);
    expect(await labelCount("name = 'tx-rolled'")).toBe(0);
    expect(sent).toEqual([]);
  });

  it("fails clearly when the producer binding is missing", async () => {
    const { env } = recordingEnv();
    const { APPFLARE_QUEUE: _dropped, ...withoutQueue } = env;
    const res = await mutate(app, withoutQueue as Cloudflare.Env, "jobs/enqueue", { name: "nowhere" });
    expect(res.status).toBe(500);
    expect(String(errorLog.mock.calls.at(-1)?.[1])).toContain(
      'the Queue binding "APPFLARE_QUEUE" is missing from the Worker env',
    );
  });

  it("is refused with config.scheduler.enabled = false", async () => {
    const off = makeSchedulerApp({ scheduler: { enabled: false } });
    const { env, sent } = recordingEnv();
    expect((await mutate(off, env, "jobs/enqueue", { name: "off" })).status).toBe(500);
    expect(String(errorLog.mock.calls.at(-1)?.[1])).toContain("config.scheduler.enabled is false");
    expect(sent).toEqual([]);
  });

  it("is refused in queries (they re-run for realtime subscribers)", async () => {
    const { env, sent } = recordingEnv();
    const res = await app.worker.fetch(
      new Request("http://appflare.test/queries/jobs/enqueueFromQuery"),
      env,
      createExecutionContext(),
    );
    expect(res.status).toBe(500);
    expect(String(errorLog.mock.calls.at(-1)?.[1])).toContain(
      'ctx.scheduler.enqueue("mail/once") is not allowed here: "jobs/enqueueFromQuery" is a query',
    );
    expect(sent).toEqual([]);
  });

  it("rejects a delay Queues would refuse", async () => {
    const { env, sent } = recordingEnv();
    for (const delaySeconds of [-1, 1.5, 43_201]) {
      expect((await mutate(app, env, "jobs/enqueue", { name: "bad-delay", delaySeconds })).status).toBe(500);
      expect(String(errorLog.mock.calls.at(-1)?.[1])).toContain(
        `ctx.scheduler.enqueue("mail/record", ..., { delaySeconds: ${delaySeconds} })`,
      );
    }
    expect(sent).toEqual([]);
    expect((await mutate(app, env, "jobs/enqueue", { name: "max-delay", delaySeconds: 43_200 })).status).toBe(
      200,
    );
  });
});
