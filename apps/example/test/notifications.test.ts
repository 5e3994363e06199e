import {
  applyD1Migrations,
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
} from "cloudflare:test";
import type { SchedulerMessageBody } from "@appflare/server";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../_generated/worker";
import { callMutation, signUp } from "./support";

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
let ada = { token: "", userId: "" };

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  ada = await signUp("ada@example.com");
  const project = await callMutation("projects/create", { name: "Launch", slug: "launch" }, ada.token);
  expect(project.status, JSON.stringify(project.body)).toBe(200);
  const created = await callMutation(
    "tasks/create",
    { projectId: (project.body as { id: string }).id, title: "Write the announcement" },
    ada.token,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  taskId = (created.body as { id: number }).id;
});

describe("notifications/assigned (enqueued by tasks/update, run by the queue consumer)", () => {
  it("assigning a task answers 200 with the enqueue sent to the real queue binding", async () => {
    const res = await callMutation("tasks/update", { id: taskId, assigneeId: ada.userId }, ada.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: taskId, assigneeId: ada.userId });
  });

  it("comments once, even when Queues delivers the message twice", async () => {
    const body: SchedulerMessageBody = {
      task: "notifications/assigned",
      payload: { taskId, assigneeId: ada.userId },
      enqueuedAt: Date.now(),
      id: "assign-1",
    };
    expect((await deliver(body, "delivery-1")).explicitAcks).toEqual(["delivery-1"]);
    expect((await deliver(body, "delivery-2", 2)).explicitAcks).toEqual(["delivery-2"]);
    expect(await comments(taskId)).toEqual([{ body: "Assigned to ada", author_id: null }]);
  });

  it("says nothing when the task was reassigned before the message ran", async () => {
    await callMutation("tasks/update", { id: taskId, assigneeId: null }, ada.token);
    const stale: SchedulerMessageBody = {
      task: "notifications/assigned",
      payload: { taskId, assigneeId: ada.userId },
      enqueuedAt: Date.now(),
      id: "assign-2",
    };
    expect((await deliver(stale, "delivery-3")).explicitAcks).toEqual(["delivery-3"]);
    expect(await comments(taskId)).toHaveLength(1);
  });
});
