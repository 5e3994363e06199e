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

/** A client with a recorded socket and a token kept in a variable, as an app keeps it in storage. */
function liveClient(reconnect?: { initialMs: number; maxMs: number }) {
  const { wire, WebSocket: Ctor } = recordingWebSocket();
  const store: { token: string | null } = { token: null };
  const client = createClient<FixtureApi>({
    endpoint: worker.endpoint,
    WebSocket: Ctor,
    onGetAuthToken: () => store.token,
    onSetAuthToken: (token) => {
      store.token = token;
    },
    ...(reconnect ? { reconnect } : {}),
  });
  return { client, wire, store };
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
    // Unchanged while away: the server answered query:current with the held hash (its version may be
    // newer: a key re-created after the restart takes a fresh version), and sent the data nowhere.
    const current = wire.received[resumed]?.find((m) => m.event === "query:current");
    expect(current?.event === "query:current" && current.payload).toEqual({
      id: "1",
      version: expect.any(Number),
      hash: held?.hash,
    });
    const currentVersion = current?.event === "query:current" ? current.payload.version : 0;
    expect(currentVersion).toBeGreaterThanOrEqual(held?.version ?? Number.POSITIVE_INFINITY);
    expect(updatesOf(wire.received[resumed])).toEqual([]);
    expect(seen).toEqual(["a"]);

    await client.mutations.tasks.create.run({ title: `${prefix}b` });
    await until(() => seen.length === 2, "the push after the restart");
    expect(seen).toEqual(["a", "a,b"]);
    expect(updatesOf(wire.received[resumed])[0]?.version).toBeGreaterThan(currentVersion);
    sub.remove();
  }, 120_000);

  it("a sign-out elsewhere closes the socket (4001): no retry with the dead token; a new sign-in resumes", async () => {
    const prefix = freshPrefix();
    const email = `rt-${run}@example.test`;
    const password = "correct horse battery";
    const { client, wire, store } = liveClient({ initialMs: 100, maxMs: 200 });
    expect((await client.auth.signUp.email({ email, password, name: "Rt" })).error).toBeNull();
    await client.mutations.tasks.create.run({ title: `${prefix}a` });
    const seen: string[] = [];
    const errors: AppflareError[] = [];
    const sub = client.queries.tasks.list.subscribe({
      args: { prefix },
      onChange: (rows) => seen.push(titles(rows, prefix) ?? ""),
      onError: (error) => errors.push(error),
    });
    await until(() => seen.length === 1, "the initial result");
    expect(wire.received[0]?.[0]).toMatchObject({
      event: "connected",
      payload: { userId: expect.any(String) },
    });
    const held = updatesOf(wire.received[0]).at(-1);

    // The same session signed out from another device: the server ends it and closes its sockets.
    const elsewhere = createClient<FixtureApi>({
      endpoint: worker.endpoint,
      onGetAuthToken: () => store.token,
    });
    expect((await elsewhere.auth.signOut()).error).toBeNull();
    await until(() => wire.sockets[0]?.readyState === WebSocket.CLOSED, "the server to close the socket");
    expect(errors).toEqual([expect.objectContaining({ status: 401, code: "session_ended" })]);
    // Backoff is 100–200 ms here: a second without a new socket means the dead token was not retried.
    await new Promise((r) => setTimeout(r, 1000));
    expect(wire.sockets).toHaveLength(1);

    // Signing in again (through `auth`) restarts the socket as the new session, resuming what it held.
    expect((await client.auth.signIn.email({ email, password })).error).toBeNull();
    await until(() => (wire.received[1] ?? []).some((m) => m.event === "query:current"), "the resume");
    expect(wire.sent[1]?.[1]).toMatchObject({
      type: "subscribe",
      known: { version: held?.version, hash: held?.hash },
    });
    expect(updatesOf(wire.received[1])).toEqual([]);
    await client.mutations.tasks.create.run({ title: `${prefix}b` });
    await until(() => seen.length === 2, "the push after signing in again");
    expect(seen).toEqual(["a", "a,b"]);
    sub.remove();
  });
});
