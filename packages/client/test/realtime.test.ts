import { type ClientMessage, decodeServerMessage, type ServerMessage } from "@appflare/realtime-do/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type AppflareError, createClient, type WebSocketConstructor } from "../src/index";
import type { FixtureApi } from "./fixtureApi";
import { type FixtureWorker, startFixtureWorker } from "./support/startFixtureWorker";

type Task = { id: number; title: string; done: boolean };

// This file restarts its worker, so it runs its own `wrangler dev` (realtime on) rather than the shared one.
let worker: FixtureWorker;
beforeAll(async () => {
  worker = await startFixtureWorker();
}, 300_000);
afterAll(async () => {
  await worker?.stop();
});

const run = Date.now();
let n = 0;
/** A title prefix of its own for each test: they share one database. */
const freshPrefix = () => `rt-${run}-${++n}-`;

/** Every frame each socket of one client sent and received: the wire, as the server saw it. */
interface Wire {
  readonly sent: ClientMessage[][];
  readonly received: ServerMessage[][];
  readonly sockets: WebSocket[];
}

/** Node's `ws` WebSocket, recording its frames. */
function recordingWebSocket(): { wire: Wire; WebSocket: WebSocketConstructor } {
  const wire: Wire = { sent: [], received: [], sockets: [] };
  function Recording(url: string) {
    const socket = new WebSocket(url);
    const index = wire.sockets.push(socket) - 1;
    const sent: ClientMessage[] = [];
    const received: ServerMessage[] = [];
    wire.sent[index] = sent;
    wire.received[index] = received;
    socket.addEventListener("message", (event) => {
      const decoded = decodeServerMessage(String(event.data));
      if (decoded.ok) received.push(decoded.message);
    });
    const send = socket.send.bind(socket);
    socket.send = ((data: string) => {
      sent.push(JSON.parse(data) as ClientMessage);
      send(data);
    }) as typeof socket.send;
    return socket;
  }
  return { wire, WebSocket: Recording as unknown as WebSocketConstructor };
}

function liveClient(reconnect?: { initialMs: number; maxMs: number }) {
  const { wire, WebSocket: Ctor } = recordingWebSocket();
  const client = createClient<FixtureApi>({
    endpoint: worker.endpoint,
    WebSocket: Ctor,
    ...(reconnect ? { reconnect } : {}),
  });
  return { client, wire };
}

/** Waits for a condition (robust under CPU load, unlike a fixed sleep). */
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const titles = (rows: Task[] | undefined, prefix: string) =>
  rows?.map((t) => t.title.slice(prefix.length)).join(",");
const updatesOf = (frames: ServerMessage[] | undefined) =>
  (frames ?? []).flatMap((m) => (m.event === "query:update" && "id" in m.payload ? [m.payload] : []));

describe("subscribe against the realtime Durable Object under wrangler dev", () => {
  it("receives the current result, then a push after a mutation; the socket closes after the last remove", async () => {
    const prefix = freshPrefix();
    const { client, wire } = liveClient();
    await client.mutations.tasks.create.run({ title: `${prefix}a` });
    const seen: string[] = [];
    const sub = client.queries.tasks.list.subscribe({
      args: { prefix },
      onChange: (rows) => seen.push(titles(rows, prefix) ?? ""),
    });
    await until(() => seen.length === 1, "the initial result");
    expect(seen).toEqual(["a"]);
    expect(wire.sent[0]?.slice(0, 2)).toEqual([
      { type: "connect" },
      { type: "subscribe", id: "1", queryName: "tasks/list", args: { prefix } },
    ]);

    await client.mutations.tasks.create.run({ title: `${prefix}b` });
    await until(() => seen.length === 2, "the push after the mutation");
    expect(seen).toEqual(["a", "a,b"]);
    const [first, second] = updatesOf(wire.received[0]);
    expect(second?.version).toBeGreaterThan(first?.version ?? Number.POSITIVE_INFINITY);

    sub.remove();
    expect(wire.sent[0]?.at(-1)).toEqual({ type: "unsubscribe", id: "1" });
    await until(() => wire.sockets[0]?.readyState === WebSocket.CLOSED, "the socket to close");
    expect(client.realtime.size).toBe(0);
  });

  it("a refused subscription (bad args) reaches onError with the server's 400, and nothing else", async () => {
    const { client } = liveClient();
    const errors: AppflareError[] = [];
    const changes: unknown[] = [];
    const sub = client.queries.tasks.list.subscribe({
      args: { prefix: "" },
      onChange: (data) => changes.push(data),
      onError: (error) => errors.push(error),
    });
    await until(() => errors.length === 1, "the query:error");
    expect(errors[0]).toMatchObject({ status: 400, code: "invalid_args", route: "realtime tasks/list" });
    expect(changes).toEqual([]);
    sub.remove();
  });

  it("after the worker restarts: reconnects, resumes with known, gets no re-send, then gets later updates", async () => {
    const prefix = freshPrefix();
    const { client, wire } = liveClient({ initialMs: 250, maxMs: 1000 });
    await client.mutations.tasks.create.run({ title: `${prefix}a` });
    const seen: string[] = [];
    const sub = client.queries.tasks.list.subscribe({
      args: { prefix },
      onChange: (rows) => seen.push(titles(rows, prefix) ?? ""),
    });
    await until(() => seen.length === 1, "the initial result");
    const held = updatesOf(wire.received[0]).at(-1);
    expect(held).toBeDefined();

    // Every socket drops, as in a deploy; the Durable Object's storage and D1 survive.
    await worker.restart();
    await until(
      () => wire.received.slice(1).some((frames) => frames.some((m) => m.event === "query:current")),
      "a resumed subscription on a new socket",
      60_000,
    );
    const resumed = wire.sockets.length - 1;
    expect(resumed).toBeGreaterThanOrEqual(1);
    expect(wire.sent[resumed]?.[0]).toEqual({ type: "connect" });
    expect(wire.sent[resumed]?.[1]).toEqual({
      type: "subscribe",
      id: "1",
      queryName: "tasks/list",
      args: { prefix },
      known: { version: held?.version, hash: held?.hash },
    });
    // Unchanged while away: the server answered query:current, and sent the data again nowhere.
    expect(wire.received[resumed]?.find((m) => m.event === "query:current")).toEqual({
      event: "query:current",
      payload: { id: "1", version: held?.version, hash: held?.hash },
    });
    expect(updatesOf(wire.received[resumed])).toEqual([]);
    expect(seen).toEqual(["a"]);

    await client.mutations.tasks.create.run({ title: `${prefix}b` });
    await until(() => seen.length === 2, "the push after the restart");
    expect(seen).toEqual(["a", "a,b"]);
    expect(updatesOf(wire.received[resumed])[0]?.version).toBeGreaterThan(held?.version ?? 0);
    sub.remove();
  }, 120_000);
});
