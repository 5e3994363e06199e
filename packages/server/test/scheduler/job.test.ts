import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { SchedulerMessageBody } from "../../src/scheduler/SchedulerMessage";
import { runs } from "./app/runs";
import { jobAwareRunner, labelCount, makeSchedulerApp, migrate, mutate, recordingEnv } from "./support";

const app = makeSchedulerApp();
const run = jobAwareRunner(app);

beforeAll(migrate);

async function deliver(body: unknown, attempts: number, id = `msg-${attempts}`) {
  const batch = createMessageBatch("appflare-scheduler", [{ id, timestamp: new Date(), attempts, body }]);
  const ctx = createExecutionContext();
  await app.scheduler.consume(batch, env, ctx, run);
  return getQueueResult(batch, ctx);
}

describe("ctx.job and at-least-once delivery", () => {
  it("tells the task which message runs it: id, task, attempts, enqueuedAt", async () => {
    runs.length = 0;
    const body: SchedulerMessageBody = {
      task: "mail/record",
      payload: { name: "with-job" },
      enqueuedAt: 1_700_000_000_000,
      id: "job-42",
    };
    await deliver(body, 2);
    expect(runs).toEqual([
      {
        task: "mail/record",
        job: { id: "job-42", task: "mail/record", attempts: 2, enqueuedAt: new Date(1_700_000_000_000) },
        args: { name: "with-job" },
      },
    ]);
  });

  it("a redelivered message keeps its id, so an idempotent task does its work once", async () => {
    const { env: bindings, sent } = recordingEnv();
    await mutate(app, bindings, "jobs/enqueueOnce");
    const [{ body }] = sent as [(typeof sent)[number]];
    const id = (body as SchedulerMessageBody).id;
    // Queues delivers at least once: the same body can arrive twice (e.g. after a timeout).
    expect((await deliver(body, 1, "first")).explicitAcks).toEqual(["first"]);
    expect((await deliver(body, 2, "again")).explicitAcks).toEqual(["again"]);
    expect(await labelCount("name = ?", `once-${id}`)).toBe(1);
  });

  it("handlers outside a task run have ctx.scheduler but no ctx.job", () => {
    const fields = app.scheduler.contextFields({ env, runtime: {} as never });
    expect("job" in fields).toBe(false);
    expect(typeof fields.scheduler.enqueue).toBe("function");
  });
});
