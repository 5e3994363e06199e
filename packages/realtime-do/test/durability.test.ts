import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { MultiplexedUpdatePayload, QueryUpdateMessage, ServerMessage } from "../src/protocol/index";
import { shardIndex, shardName } from "../src/shard/shardIndex";
import { coalescedApp, migrate, mutate, TestSocket } from "./support";

type Update = QueryUpdateMessage<MultiplexedUpdatePayload>;
const isUpdate =
  (id: string) =>
  (m: ServerMessage): m is Update =>
    m.event === "query:update" && (m.payload as { id?: string }).id === id;

beforeAll(migrate);

async function newProject(name: string): Promise<number> {
  return ((await mutate("projects/create", { name })).body as { id: number }[])[0]!.id;
}

function shardOf(socket: TestSocket, ns: DurableObjectNamespace, shards: number) {
  const connected = socket.messages.find((m) => m.event === "connected");
  if (connected?.event !== "connected") throw new Error("not connected");
  return ns.get(ns.idFromName(shardName(shardIndex(connected.payload.connectionId, shards))));
}

describe("durability", () => {
  it("keeps subscriptions across an eviction: the hibernated socket still gets the next change", async () => {
    const projectId = await newProject("evicted");
    const socket = await TestSocket.connect();
    socket.send({ type: "subscribe", id: "e", queryName: "tasks/list", args: { projectId } });
    const first = await socket.next(isUpdate("e"));
    const stub = shardOf(socket, env.APPFLARE_REALTIME, 2);

    await evictDurableObject(stub);
    // The new instance finds the subscription in its SQLite storage.
    const stored = await runInDurableObject(stub, (_instance, state) =>
      state.storage.sql.exec("SELECT count(*) AS n FROM rt_subs WHERE sub_id = 'e'").one(),
    );
    expect(stored.n).toBe(1);
    await evictDurableObject(stub);

    await mutate("tasks/create", { title: "after eviction", projectId });
    const next = await socket.next(isUpdate("e"), 5000, socket.messages.indexOf(first) + 1);
    expect(next.payload.data).toMatchObject([{ title: "after eviction" }]);
    expect(next.payload.version).toBeGreaterThan(first.payload.version);
    expect(socket.closed).toBeUndefined();
    socket.close();
  });

  it("the socket attachment holds only the connection's identity", async () => {
    const socket = await TestSocket.connect();
    const stub = shardOf(socket, env.APPFLARE_REALTIME, 2);
    const attachments = await runInDurableObject(stub, (_instance, state) =>
      state.getWebSockets().map((ws) => ws.deserializeAttachment() as Record<string, unknown>),
    );
    for (const a of attachments) {
      expect(Object.keys(a).sort()).toEqual(["connectionId", "mode", "sessionId", "userId"]);
      expect(JSON.stringify(a).length).toBeLessThan(16 * 1024);
    }
    socket.close();
  });

  it("finishes a run an eviction cut short: a stale key flagged in storage re-runs on the next wake", async () => {
    const projectId = await newProject("flagged");
    const socket = await TestSocket.connect();
    socket.send({ type: "subscribe", id: "f", queryName: "tasks/list", args: { projectId } });
    const first = await socket.next(isUpdate("f"));
    const stub = shardOf(socket, env.APPFLARE_REALTIME, 2);
    // A write the shard never heard of (straight to D1), then the state an eviction mid-run leaves:
    // the key flagged stale in storage, no run in flight.
    await env.DB.prepare("INSERT INTO tasks (title, project_id, done, priority) VALUES ('raw', ?, 0, 0)")
      .bind(projectId)
      .run();
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec(
        "UPDATE rt_keys SET dirty = 1 WHERE key IN (SELECT key FROM rt_subs WHERE sub_id = 'f')",
      );
    });
    await evictDurableObject(stub);
    // Any wake (here a message on the hibernated socket) finds the flag and schedules the run.
    socket.send('{"type":"ping"}');
    const next = await socket.next(isUpdate("f"), 4000, socket.messages.indexOf(first) + 1);
    expect(next.payload.data).toMatchObject([{ title: "raw" }]);
    socket.close();
  });
});

describe("coalescing", () => {
  it("merges a burst of events into one re-run and one push", async () => {
    const projectId = (
      (await mutate("projects/create", { name: "burst" }, undefined, coalescedApp)).body as { id: number }[]
    )[0]!.id;
    const socket = await TestSocket.connect(undefined, coalescedApp);
    socket.send({ type: "subscribe", id: "b", queryName: "tasks/list", args: { projectId } });
    await socket.next(isUpdate("b"));
    for (let i = 0; i < 5; i++)
      await mutate("tasks/create", { title: `burst ${i}`, projectId }, undefined, coalescedApp);
    const last = await socket.next(
      (m): m is Update => isUpdate("b")(m) && (m.payload.data as unknown[]).length === 5,
      5000,
    );
    await new Promise((r) => setTimeout(r, 300));
    await socket.sync();
    const updates = socket.of("b");
    // The initial result, then the burst: one push (two if the alarm fired mid-burst), never five.
    expect(updates.length).toBeLessThanOrEqual(3);
    expect(updates.at(-1)).toBe(last);
    socket.close();
  });
});
