import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeadLetterBody } from "../../src/scheduler/consumeSchedulerBatch";
import type { SchedulerMessageBody } from "../../src/scheduler/SchedulerMessage";
import { runs } from "./app/runs";
import { labelCount, makeSchedulerApp, migrate, mutate, published, recordingEnv } from "./support";

const app = makeSchedulerApp({ scheduler: { maxRetries: 3 } });

beforeAll(migrate);

let errorLog: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  published.length = 0;
  runs.length = 0;
  errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => errorLog.mockRestore());

let seq = 0;
const body = (task: string, payload: unknown = {}): SchedulerMessageBody => ({
  task,
  payload,
  enqueuedAt: 1_700_000_000_000,
  id: `job-${++seq}`,
});
const message = (id: string, messageBody: unknown, attempts = 1) => ({
  id,
  timestamp: new Date(),
  attempts,
  body: messageBody,
});

async function deliver(
  messages: ReturnType<typeof message>[],
  bindings: Cloudflare.Env = env,
  worker: ReturnType<typeof makeSchedulerApp> = app,
) {
  const batch = createMessageBatch("appflare-scheduler", messages);
  // getQueueResult reports which messages were retried but drops the retry options: record them.
  const retryOptions: Record<string, QueueRetryOptions | undefined> = {};
  for (const m of batch.messages) {
    const retry = m.retry.bind(m);
    vi.spyOn(m, "retry").mockImplementation((options) => {
      retryOptions[m.id] = options;
      retry(options);
    });
  }
  const ctx = createExecutionContext();
  const outcomes = await worker.queue(batch, bindings, ctx);
  return { result: await getQueueResult(batch, ctx), outcomes, retryOptions };
}

describe("the scheduler consumer", () => {
  it("runs each message's task and acks it; the task's writes are published like a mutation's", async () => {
    const { result } = await deliver([message("m-ok", body("mail/record", { name: "consumed-1" }))]);
    expect(result.explicitAcks).toEqual(["m-ok"]);
    expect(result.retryMessages).toEqual([]);
    expect(await labelCount("name = 'consumed-1'")).toBe(1);
    expect(published).toEqual([{ name: "mail/record", kind: "scheduler", tables: ["labels"] }]);
  });

  it("round trip: what a mutation enqueues, the consumer runs (Dates intact)", async () => {
    const { env: bindings, sent } = recordingEnv();
    await mutate(app, bindings, "jobs/enqueue", { name: "round-trip" });
    const [{ body: sentBody }] = sent as [(typeof sent)[number]];
    const { result } = await deliver([message("m-rt", sentBody)]);
    expect(result.explicitAcks).toEqual(["m-rt"]);
    expect(await labelCount("name = 'round-trip'")).toBe(1);
    expect(runs.at(-1)?.args).toEqual({ name: "round-trip", at: new Date(0) });
  });

  it("retries a failing task with exponential backoff while attempts ≤ maxRetries", async () => {
    const { result, retryOptions } = await deliver([
      message("a1", body("mail/fail", { reason: "boom" }), 1),
      message("a2", body("mail/fail", { reason: "boom" }), 2),
      message("a3", body("mail/fail", { reason: "boom" }), 3),
    ]);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["a1", "a2", "a3"]);
    expect(retryOptions).toEqual({
      a1: { delaySeconds: 10 },
      a2: { delaySeconds: 20 },
      a3: { delaySeconds: 40 },
    });
    const log = errorLog.mock.calls.map((c: unknown[]) => String(c[0])).join("\n");
    expect(log).toContain(
      'scheduler task "mail/fail" failed (queue "appflare-scheduler", message a1, attempt 1/4)',
    );
    expect(log).toContain("task failed: boom");
  });

  it("after maxRetries, sends the message with a failure record to the dead-letter binding and acks it", async () => {
    const { env: bindings, deadLettered } = recordingEnv();
    const failing = body("mail/fail", { reason: "still broken" });
    const { result } = await deliver([message("last", failing, 4)], bindings);
    expect(result.explicitAcks).toEqual(["last"]);
    expect(result.retryMessages).toEqual([]);
    expect(deadLettered).toHaveLength(1);
    const letter = deadLettered[0]?.body as DeadLetterBody;
    expect(letter).toEqual({
      ...failing,
      failure: {
        reason: "retries_exhausted",
        error: "Error: task failed: still broken",
        attempts: 4,
        failedAt: expect.any(Number),
        queue: "appflare-scheduler",
      },
    });
  });

  it("dead-letters a payload the task's args reject at once (no retry can fix it)", async () => {
    const { env: bindings, deadLettered } = recordingEnv();
    const { result } = await deliver([message("bad", body("mail/record", { name: 42 }), 1)], bindings);
    expect(result.explicitAcks).toEqual(["bad"]);
    expect(result.retryMessages).toEqual([]);
    expect(deadLettered).toHaveLength(1);
    expect((deadLettered[0] as { body: DeadLetterBody }).body.failure).toMatchObject({
      reason: "invalid_payload",
      error: expect.stringContaining('invalid payload for "mail/record": name:'),
    });
    expect(runs).toEqual([]);
  });

  it("dead-letters a body that is not a scheduler message", async () => {
    const { env: bindings, deadLettered } = recordingEnv();
    const { result } = await deliver([message("junk", "plain text")], bindings);
    expect(result.explicitAcks).toEqual(["junk"]);
    expect(deadLettered[0]?.body).toMatchObject({
      original: "plain text",
      failure: { reason: "malformed_message" },
    });
  });

  it("retries an unknown task name (a deploy may not have reached this isolate yet)", async () => {
    const { env: bindings, deadLettered } = recordingEnv();
    const { result, retryOptions } = await deliver([message("ghost", body("mail/ghost"), 1)], bindings);
    expect(result.retryMessages).toEqual([{ msgId: "ghost" }]);
    expect(retryOptions).toEqual({ ghost: { delaySeconds: 10 } });
    expect(deadLettered).toEqual([]);
    expect(String(errorLog.mock.calls[0]?.[0])).toContain('No scheduler task named "mail/ghost"');
  });

  it("without a dead-letter binding: hands exhausted messages back to Queues when a DLQ is configured", async () => {
    const { env: bindings } = recordingEnv();
    const { APPFLARE_QUEUE_DLQ: _none, ...noBinding } = bindings;
    const withDlq = makeSchedulerApp({ scheduler: { maxRetries: 3, deadLetterQueue: "appflare-dlq" } });
    const { result, outcomes, retryOptions } = await deliver(
      [message("native", body("mail/fail", { reason: "x" }), 4)],
      noBinding as Cloudflare.Env,
      withDlq,
    );
    // Queues' consumer `dead_letter_queue` setting moves it once its own max_retries is spent.
    expect(result.retryMessages).toEqual([{ msgId: "native" }]);
    expect(retryOptions).toEqual({ native: undefined });
    expect(outcomes[0]?.outcome).toBe("retried");
  });

  it("without any dead-letter queue: logs and drops exhausted messages", async () => {
    const { env: bindings } = recordingEnv();
    const { APPFLARE_QUEUE_DLQ: _none, ...noBinding } = bindings;
    const { result, outcomes } = await deliver(
      [message("gone", body("mail/fail", { reason: "x" }), 4)],
      noBinding as Cloudflare.Env,
    );
    expect(result.explicitAcks).toEqual(["gone"]);
    expect(outcomes[0]?.outcome).toBe("dropped");
    expect(errorLog.mock.calls.map((c: unknown[]) => String(c[0])).join("\n")).toContain(
      "dropping message gone (no dead-letter queue configured)",
    );
  });

  it("a failing message does not stop the rest of the batch", async () => {
    const { result } = await deliver([
      message("first", body("mail/fail", { reason: "x" })),
      message("second", body("mail/record", { name: "after-failure" })),
    ]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["first"]);
    expect(result.explicitAcks).toEqual(["second"]);
    expect(await labelCount("name = 'after-failure'")).toBe(1);
  });

  it("tasks get ctx.scheduler: a task can enqueue another", async () => {
    const { env: bindings, sent } = recordingEnv();
    const { result } = await deliver([message("chain", body("mail/chain", { name: "chained" }))], bindings);
    expect(result.explicitAcks).toEqual(["chain"]);
    expect(sent.map((s) => s.body)).toEqual([
      expect.objectContaining({ task: "mail/record", payload: { name: "chained" } }),
    ]);
  });
});
