import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorker } from "../../src/http/createWorker";
import type { MutationEventsInfo } from "../../src/http/WorkerHooks";
import schema from "../boardSchema";
import * as blog from "./app/blog/index";
import { countRows, makeWorker, migrate } from "./support";

const published: MutationEventsInfo<Cloudflare.Env>[] = [];
const worker = makeWorker({ hooks: { onMutationEvents: (_events, info) => void published.push(info) } });

beforeAll(migrate);

let errorLog: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  published.length = 0;
  errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => errorLog.mockRestore());

const message = (id: string, body: unknown) => ({ id, timestamp: Date.now(), attempts: 1, body });
/** A body as `ctx.scheduler.enqueue` sends it. */
const task = (name: string, payload: unknown = {}) => ({
  task: name,
  payload,
  enqueuedAt: Date.now(),
  id: crypto.randomUUID(),
});

describe("worker.queue (scheduler tasks)", () => {
  it("runs each message's task: acks successes, retries failures, dead-letters what no retry can fix", async () => {
    const batch = createMessageBatch("appflare-app-scheduler", [
      message("ok", task("mail/record", { name: "queued-label-1" })),
      message("throws", task("mail/explode")),
      message("unknown", task("mail/nope")),
      message("bad-payload", task("mail/record", { name: "" })),
      message("not-ours", "plain text"),
      // The pre-0.3 `{ name, payload }` body is not a scheduler message any more.
      message("old-format", { name: "mail/record", payload: { name: "old-format" } }),
    ]);
    const ctx = createExecutionContext();
    await worker.worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    // Dead-lettered messages are sent to APPFLARE_QUEUE_DLQ (bound in the test pool), then acked.
    expect(result.explicitAcks.sort()).toEqual(["bad-payload", "not-ours", "ok", "old-format"]);
    expect(result.retryMessages.map((m) => m.msgId).sort()).toEqual(["throws", "unknown"]);
    expect(await countRows("labels", "name = 'queued-label-1'")).toBe(1);
    expect(await countRows("labels", "name IN ('', 'old-format')")).toBe(0);
    // The task's committed write is published like a mutation's.
    expect(published).toEqual([expect.objectContaining({ name: "mail/record", kind: "scheduler" })]);
    const logged = errorLog.mock.calls.map((c: unknown[]) => String(c[0]));
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.stringContaining('scheduler task "mail/explode" failed'),
        expect.stringContaining('scheduler task "mail/nope" failed'),
        expect.stringContaining("scheduler task (malformed message) failed"),
      ]),
    );
  });

  it("retries a task the app does not have (yet), even when it has no scheduler handlers", async () => {
    const plain = createWorker({ schema, config: {}, modules: { "blog/index": blog } });
    const batch = createMessageBatch("q", [message("m1", task("mail/record", { name: "never" }))]);
    const ctx = createExecutionContext();
    await plain.worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["m1"]);
    expect(await countRows("labels", "name = 'never'")).toBe(0);
  });
});

describe("worker.scheduled (cron)", () => {
  async function fire(cron: string) {
    const ctx = createExecutionContext();
    try {
      await worker.worker.scheduled(createScheduledController({ cron, scheduledTime: Date.now() }), env, ctx);
    } finally {
      await waitOnExecutionContext(ctx);
    }
  }
  const nightly = () => countRows("labels", "name LIKE 'cron-nightly-%'");
  const hourly = () => countRows("labels", "name LIKE 'cron-hourly-%'");

  it("runs every handler listing the fired expression; a failing one is logged, stops none, and fails the run", async () => {
    const [n0, h0] = [await nightly(), await hourly()];
    const failure = await fire("0 3 * * *").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as AggregateError).message).toBe(
      '[appflare] cron "0 3 * * *": 1 of 2 handler(s) failed: "maintenance/flaky"',
    );
    expect((failure as AggregateError).errors).toEqual([new Error("flaky cron failed")]);
    expect([await nightly(), await hourly()]).toEqual([n0 + 1, h0]);
    expect(errorLog).toHaveBeenCalledWith(
      '[appflare] cron handler "maintenance/flaky" failed on "0 3 * * *":',
      new Error("flaky cron failed"),
    );
    expect(published.map((p) => [p.name, p.kind])).toEqual([["maintenance/nightly", "cron"]]);
  });

  it("matches each of a handler's expressions, ignoring extra whitespace", async () => {
    const [n0, h0] = [await nightly(), await hourly()];
    await fire("30  4 * * 1");
    await fire("0 * * * *");
    expect([await nightly(), await hourly()]).toEqual([n0 + 1, h0 + 1]);
  });

  it("runs nothing for an expression no handler lists, and warns about it", async () => {
    const warnLog = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const [n0, h0] = [await nightly(), await hourly()];
      await fire("15  15 * * *");
      expect([await nightly(), await hourly()]).toEqual([n0, h0]);
      expect(errorLog).not.toHaveBeenCalled();
      expect(warnLog).toHaveBeenCalledWith(
        expect.stringContaining('cron trigger "15 15 * * *" fired but no cron handler lists it'),
      );
    } finally {
      warnLog.mockRestore();
    }
  });
});
