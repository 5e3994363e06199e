import { env, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { RealtimeShardRpc } from "../src/object/createRealtimeObject";
import { INTERNAL_HEADERS } from "../src/object/internalHeaders";
import { subscriptionKey } from "../src/object/subscriptionKey";
import { decodeServerMessage, encodeMessage, type ServerMessage } from "../src/protocol/index";
import { shardIndex, shardName } from "../src/shard/shardIndex";
import { recorded } from "./app/recorded";
import { app, migrate, mutate, TestSocket } from "./support";

beforeAll(migrate);

// Local D1 has no replicas, so what a stale replica would have returned cannot be observed here;
// these tests pin the plumbing: the write's bookmark reaches the shard and the re-run's D1 session.

async function newProject(name: string): Promise<number> {
  return ((await mutate("projects/create", { name })).body as { id: number }[])[0]!.id;
}

/** Runs a mutation and returns what `onMutationEvents` received for it. */
async function mutateRecorded(name: string, args: unknown) {
  const from = recorded.published.length;
  const reply = await mutate(name, args);
  expect(reply.status).toBe(200);
  const published = recorded.published.slice(from);
  expect(published).toHaveLength(1);
  return published[0]!;
}

describe("read-your-writes: D1 session bookmarks", () => {
  it("a mutation's events carry its D1 bookmark, and the shard keeps it on the key it re-ran", async () => {
    const projectId = await newProject("bookmark");
    const socket = await TestSocket.connect();
    socket.send({ type: "subscribe", id: "b", queryName: "tasks/list", args: { projectId } });
    await socket.next((m) => m.event === "query:update");

    const { bookmark } = await mutateRecorded("tasks/create", { title: "written", projectId });
    expect(bookmark).toMatch(/\S/);
    await socket.next((m) => m.event === "query:update" && JSON.stringify(m).includes("written"));

    const connected = socket.messages.find((m) => m.event === "connected");
    if (connected?.event !== "connected") throw new Error("not connected");
    const ns = env.APPFLARE_REALTIME;
    const shard = ns.get(ns.idFromName(shardName(shardIndex(connected.payload.connectionId, 2))));
    const key = subscriptionKey("tasks/list", { projectId }, null);
    const row = await runInDurableObject(shard, (_instance, state) =>
      state.storage.sql.exec("SELECT bookmark FROM rt_keys WHERE key = ?", key).one(),
    );
    expect(row.bookmark).toBe(bookmark);
    socket.close();
  });

  it("the re-run an event causes runs with the event's bookmark", async () => {
    const projectId = await newProject("rerun");
    const ns = env.RECORDING_REALTIME;
    const shard = ns.get(ns.idFromName("bookmarks")) as unknown as DurableObjectStub & RealtimeShardRpc;
    const upgrade = await shard.fetch("http://appflare.test/realtime/ws", {
      headers: {
        upgrade: "websocket",
        [INTERNAL_HEADERS.mode]: "multiplexed",
        [INTERNAL_HEADERS.connection]: "recording-1",
      },
    });
    const ws = upgrade.webSocket!;
    ws.accept();
    const messages: ServerMessage[] = [];
    ws.addEventListener("message", (e) => {
      const decoded = decodeServerMessage(String(e.data));
      if (decoded.ok) messages.push(decoded.message);
    });
    const waitFor = async (match: (m: ServerMessage) => boolean) => {
      for (let i = 0; i < 200 && !messages.some(match); i++) await new Promise((r) => setTimeout(r, 10));
      expect(messages.some(match)).toBe(true);
    };
    ws.send(encodeMessage({ type: "connect" }));
    await waitFor((m) => m.event === "connected");
    ws.send(encodeMessage({ type: "subscribe", id: "r", queryName: "tasks/list", args: { projectId } }));
    await waitFor((m) => m.event === "query:update");
    expect(recorded.reruns.at(-1)).toBeUndefined(); // The first run follows no write.

    const { events, bookmark } = await mutateRecorded("tasks/create", { title: "replicated", projectId });
    await shard.publish(events, bookmark);
    expect(recorded.reruns.at(-1)).toBe(bookmark);
    await waitFor((m) => m.event === "query:update" && JSON.stringify(m).includes("replicated"));
    ws.close();
  });

  it("runQuery opens its D1 session at the given bookmark; a mutation's at the primary", async () => {
    const projectId = await newProject("session");
    const { bookmark } = await mutateRecorded("tasks/create", { title: "seen", projectId });
    // The real binding, with each `withSession` argument noted (local D1 accepts any bookmark).
    const sessions: string[] = [];
    const db = env.DB;
    const spied = {
      ...env,
      DB: {
        prepare: (query: string) => db.prepare(query),
        batch: (statements: D1PreparedStatement[]) => db.batch(statements),
        withSession: (start: string) => {
          sessions.push(start);
          return db.withSession(start);
        },
      } as unknown as D1Database,
    };
    const run = await app.runQuery("tasks/list", { projectId }, { env: spied, bookmark: bookmark! });
    expect(run.data).toMatchObject([{ title: "seen" }]);
    await app.runQuery("tasks/list", { projectId }, { env: spied });
    expect(sessions).toEqual([bookmark, "first-primary"]);
  });
});
