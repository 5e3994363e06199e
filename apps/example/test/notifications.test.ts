import {
  applyD1Migrations,
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import type { SchedulerMessageBody } from "@appflare/server";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../_generated/worker";

async function call(path: string, json: unknown): Promise<{ status: number; body: unknown }> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`http://example.test${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(json),
    }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: await res.json() };
}

/** Runs one delivery of `body` through the Worker's queue consumer; returns what it acked/retried. */
async function deliver(body: SchedulerMessageBody, deliveryId: string, attempts = 1) {
  const batch = createMessageBatch("appflare-example-scheduler", [
    { id: deliveryId, timestamp: new Date(), attempts, body },
  ]);
  const ctx = createExecutionContext();
  await worker.queue?.(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

const comments = async (taskId: number) =>
  (
    await env.DB.prepare("SELECT body, author_id FROM comments WHERE task_id = ?")
      .bind(taskId)
      .all<{ body: string; author_id: string | null }>()
  ).results;

let taskId = 0;

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO users (id, name, email, created_at, updated_at) VALUES ('u-ada', 'Ada', 'ada@example.com', 0, 0)",
    ),
    env.DB.prepare(
      "INSERT INTO projects (id, name, slug, created_at, owner_id) VALUES ('00000000-0000-4000-8000-000000000001', 'Launch', 'launch', 0, 'u-ada')",
    ),
  ]);
  const created = await call("/mutations/tasks/create", {
    projectId: "00000000-0000-4000-8000-000000000001",
    title: "Write the announcement",
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  taskId = (created.body as { id: number }).id;
});

describe("notifications/assigned (enqueued by tasks/update, run by the queue consumer)", () => {
  it("assigning a task answers 200 with the enqueue sent to the real queue binding", async () => {
    const res = await call("/mutations/tasks/update", { id: taskId, assigneeId: "u-ada" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: taskId, assigneeId: "u-ada" });
  });

  it("comments once, even when Queues delivers the message twice", async () => {
    const body: SchedulerMessageBody = {
      task: "notifications/assigned",
      payload: { taskId, assigneeId: "u-ada" },
      enqueuedAt: Date.now(),
      id: "assign-1",
    };
    expect((await deliver(body, "delivery-1")).explicitAcks).toEqual(["delivery-1"]);
    expect((await deliver(body, "delivery-2", 2)).explicitAcks).toEqual(["delivery-2"]);
    expect(await comments(taskId)).toEqual([{ body: "Assigned to Ada", author_id: null }]);
  });

  it("says nothing when the task was reassigned before the message ran", async () => {
    await call("/mutations/tasks/update", { id: taskId, assigneeId: null });
    const stale: SchedulerMessageBody = {
      task: "notifications/assigned",
      payload: { taskId, assigneeId: "u-ada" },
      enqueuedAt: Date.now(),
      id: "assign-2",
    };
    expect((await deliver(stale, "delivery-3")).explicitAcks).toEqual(["delivery-3"]);
    expect(await comments(taskId)).toHaveLength(1);
  });
});
