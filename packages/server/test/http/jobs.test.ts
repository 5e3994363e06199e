import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import schema from "../../../../apps/example/schema";
import { createWorker } from "../../src/http/createWorker";
import type { MutationEventsInfo } from "../../src/http/WorkerHooks";
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

describe("worker.queue (scheduler tasks)", () => {
  it("runs each message's scheduler, acks successes and retries failures", async () => {
    const batch = createMessageBatch("appflare-app-scheduler", [
      message("ok", { name: "mail/record", payload: { name: "queued-label-1" } }),
      message("throws", { name: "mail/explode" }),
      message("unknown", { name: "mail/nope", payload: {} }),
      message("bad-payload", { name: "mail/record", payload: { name: "" } }),
      message("not-ours", "plain text"),
    ]);
    const ctx = createExecutionContext();
    await worker.worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["not-ours", "ok"]);
    expect(result.retryMessages.map((m) => m.msgId).sort()).toEqual(["bad-payload", "throws", "unknown"]);
    expect(await countRows("labels", "name = 'queued-label-1'")).toBe(1);
    expect(await countRows("labels", "name = ''")).toBe(0);
    // The scheduler's committed write is published like a mutation's.
    expect(published).toEqual([expect.objectContaining({ name: "mail/record", kind: "scheduler" })]);
    const logged = errorLog.mock.calls.map((c: unknown[]) => String(c[0]));
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.stringContaining('scheduler "mail/explode" failed'),
        expect.stringContaining('scheduler "mail/nope" failed'),
        expect.stringContaining("not a scheduler message"),
      ]),
    );
  });

  it("does nothing when the app has no scheduler handlers", async () => {
    const plain = createWorker({ schema, config: {}, modules: { "blog/index": blog } });
    const batch = createMessageBatch("q", [
      message("m1", { name: "mail/record", payload: { name: "never" } }),
    ]);
    const ctx = createExecutionContext();
    await plain.worker.queue(batch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([]);
    expect(await countRows("labels", "name = 'never'")).toBe(0);
  });
});

describe("worker.scheduled (cron)", () => {
  async function fire(cron: string) {
    const ctx = createExecutionContext();
    await worker.worker.scheduled(createScheduledController({ cron, scheduledTime: Date.now() }), env, ctx);
    await waitOnExecutionContext(ctx);
  }
  const nightly = () => countRows("labels", "name LIKE 'cron-nightly-%'");
  const hourly = () => countRows("labels", "name LIKE 'cron-hourly-%'");

  it("runs every handler listing the fired expression; a failing one is logged and does not stop the others", async () => {
    const [n0, h0] = [await nightly(), await hourly()];
    await fire("0 3 * * *");
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

  it("runs nothing for an expression no handler lists", async () => {
    const [n0, h0] = [await nightly(), await hourly()];
    await fire("15 15 * * *");
    expect([await nightly(), await hourly()]).toEqual([n0, h0]);
    expect(errorLog).not.toHaveBeenCalled();
  });
});
