import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { scriptedServer } from "../test/support/scriptedServer";
import type { AppflareError } from "./AppflareError";
import { RealtimeConnection } from "./RealtimeConnection";

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function setup(token: string | null = "tok", idleCloseMs = 30) {
  const server = await scriptedServer();
  servers.push(server);
  const connection = new RealtimeConnection({
    url: server.url,
    WebSocket: WebSocket as never,
    getAuthToken: async () => token,
    initialBackoffMs: 20,
    maxBackoffMs: 40,
    idleCloseMs,
  });
  return { server, connection };
}

const update = (id: string, version: number, hash: string, data: unknown) => ({
  event: "query:update",
  payload: { id, queryName: "tasks/list", signature: "sig", version, hash, data },
});

// The frames here are scripted, because these cases (a push older than one already applied, a refused
// token, a socket that drops mid-run) are ones the real Durable Object never produces on purpose; the
// client side is Node's real `ws` WebSocket. test/realtime.test.ts runs against the real server.
describe("RealtimeConnection over a real ws socket", () => {
  it("opens lazily, says connect first, subscribes after connected, closes after the last remove (once idle)", async () => {
    const { server, connection } = await setup();
    expect(server.sockets).toHaveLength(0);
    const seen: unknown[] = [];
    const sub = connection.subscribe("tasks/list", { prefix: "a" }, { onChange: (d) => seen.push(d) });
    await server.until(() => server.received[0]?.length === 1);
    expect(server.received[0]).toEqual([{ type: "connect", authToken: "tok" }]);
    server.send(0, { event: "connected", payload: { connectionId: "c1", userId: "u1" } });
    await server.until(() => server.received[0]?.length === 2);
    expect(server.received[0]?.[1]).toEqual({
      type: "subscribe",
      id: "1",
      queryName: "tasks/list",
      args: { prefix: "a" },
    });
    server.send(0, update("1", 1, "h1", ["x"]));
    await server.until(() => seen.length === 1);
    expect(seen).toEqual([["x"]]);

    const second = connection.subscribe("tasks/list", { prefix: "b" }, { onChange: () => {} });
    await server.until(() => server.received[0]?.length === 3);
    expect(server.sockets).toHaveLength(1);
    second.remove();
    await server.until(() => server.received[0]?.length === 4);
    expect(server.received[0]?.[3]).toEqual({ type: "unsubscribe", id: "2" });
    const closed = once(server.sockets[0] as WebSocket, "close");
    sub.remove();
    await closed;
    expect(connection.size).toBe(0);
  });

  it("a query started before the idle close reuses the socket (a StrictMode remount never reconnects)", async () => {
    const { server, connection } = await setup("tok", 300);
    const first = connection.subscribe("tasks/list", { p: 1 }, { onChange: () => {} });
    await server.until(() => server.received[0]?.length === 1);
    server.send(0, { event: "connected", payload: { connectionId: "c1", userId: "u1" } });
    await server.until(() => server.received[0]?.length === 2);
    let closed = false;
    (server.sockets[0] as WebSocket).on("close", () => {
      closed = true;
    });
    // Effect cleanup, then the same effect again (StrictMode), on the same tick.
    first.remove();
    const again = connection.subscribe("tasks/list", { p: 1 }, { onChange: () => {} });
    await server.until(() => server.received[0]?.length === 4);
    expect(server.received[0]?.slice(2)).toEqual([
      { type: "unsubscribe", id: "1" },
      { type: "subscribe", id: "2", queryName: "tasks/list", args: { p: 1 } },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(closed).toBe(false);
    expect(server.sockets).toHaveLength(1);
    // With nothing left, the socket closes once the idle time has passed, not before.
    again.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    await server.until(() => closed);
    expect(server.sockets).toHaveLength(1);
  });

  it("idleCloseMs 0 closes at the last remove", async () => {
    const { server, connection } = await setup("tok", 0);
    const sub = connection.subscribe("tasks/list", {}, { onChange: () => {} });
    await server.until(() => server.received[0]?.length === 1);
    const closed = once(server.sockets[0] as WebSocket, "close");
    sub.remove();
    await closed;
  });

  it("anonymous: connect carries no token", async () => {
    const { server, connection } = await setup(null);
    const sub = connection.subscribe("tasks/list", {}, { onChange: () => {} });
    await server.until(() => server.received[0]?.length === 1);
    expect(server.received[0]?.[0]).toEqual({ type: "connect" });
    sub.remove();
  });

  it("after the server closes the socket: reconnects, resubscribes with known, resumes, gets later updates", async () => {
    const { server, connection } = await setup();
    const seen: unknown[] = [];
    const sub = connection.subscribe("tasks/list", { prefix: "a" }, { onChange: (d) => seen.push(d) });
    await server.until(() => server.received[0]?.length === 1);
    server.send(0, { event: "connected", payload: { connectionId: "c1", userId: "u1" } });
    await server.until(() => server.received[0]?.length === 2);
    server.send(0, update("1", 4, "h4", ["v4"]));
    await server.until(() => seen.length === 1);

    server.sockets[0]?.close(1012, "restart");
    await server.until(() => server.received[1]?.length === 1);
    expect(server.received[1]?.[0]).toEqual({ type: "connect", authToken: "tok" });
    server.send(1, { event: "connected", payload: { connectionId: "c2", userId: "u1" } });
    await server.until(() => server.received[1]?.length === 2);
    expect(server.received[1]?.[1]).toEqual({
      type: "subscribe",
      id: "1",
      queryName: "tasks/list",
      args: { prefix: "a" },
      known: { version: 4, hash: "h4" },
    });
    server.send(1, { event: "query:current", payload: { id: "1", version: 4, hash: "h4" } });
    server.send(1, update("1", 5, "h5", ["v5"]));
    await server.until(() => seen.length === 2);
    expect(seen).toEqual([["v4"], ["v5"]]);
    sub.remove();
  });

  it("a query:current with a newer version (a key re-created on the server) is what the next resume sends", async () => {
    const { server, connection } = await setup();
    const seen: unknown[] = [];
    const sub = connection.subscribe("tasks/list", {}, { onChange: (d) => seen.push(d) });
    await server.until(() => server.received[0]?.length === 1);
    server.send(0, { event: "connected", payload: { connectionId: "c1", userId: null } });
    await server.until(() => server.received[0]?.length === 2);
    server.send(0, update("1", 4, "h4", "four"));
    server.send(0, { event: "query:current", payload: { id: "1", version: 9, hash: "h4" } });
    server.send(0, update("1", 5, "h5", "five, older than 9"));
    await new Promise((r) => setTimeout(r, 50));
    server.sockets[0]?.close(1012, "restart");
    await server.until(() => server.received[1]?.length === 1);
    server.send(1, { event: "connected", payload: { connectionId: "c2", userId: null } });
    await server.until(() => server.received[1]?.length === 2);
    expect(server.received[1]?.[1]).toMatchObject({ type: "subscribe", known: { version: 9, hash: "h4" } });
    expect(seen).toEqual(["four"]);
    sub.remove();
  });

  it("never applies an older version over a newer one, nor the same result twice", async () => {
    const { server, connection } = await setup();
    const seen: unknown[] = [];
    const sub = connection.subscribe("tasks/list", {}, { onChange: (d) => seen.push(d) });
    await server.until(() => server.received[0]?.length === 1);
    server.send(0, { event: "connected", payload: { connectionId: "c1", userId: null } });
    await server.until(() => server.received[0]?.length === 2);
    server.send(0, update("1", 3, "h3", "three"));
    server.send(0, update("1", 2, "h2", "two"));
    server.send(0, update("1", 3, "h3", "three again"));
    server.send(0, { event: "query:current", payload: { id: "1", version: 1, hash: "h1" } });
    server.send(0, update("1", 4, "h4", "four"));
    await server.until(() => seen.length >= 2);
    expect(seen).toEqual(["three", "four"]);
    sub.remove();
  });

  it("query:error reaches onError and that query is not resubscribed after a reconnect", async () => {
    const { server, connection } = await setup();
    const errors: AppflareError[] = [];
    const bad = connection.subscribe(
      "tasks/list",
      { prefix: 1 },
      { onChange: () => {}, onError: (e) => errors.push(e) },
    );
    const good = connection.subscribe("tasks/list", { prefix: "a" }, { onChange: () => {} });
    await server.until(() => server.received[0]?.length === 1);
    server.send(0, { event: "connected", payload: { connectionId: "c1", userId: null } });
    await server.until(() => server.received[0]?.length === 3);
    server.send(0, {
      event: "query:error",
      payload: { id: "1", status: 400, code: "invalid_args", message: "prefix: expected string" },
    });
    await server.until(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ status: 400, code: "invalid_args", route: "realtime tasks/list" });
    server.sockets[0]?.close();
    await server.until(() => server.received[1]?.length === 1);
    server.send(1, { event: "connected", payload: { connectionId: "c2", userId: null } });
    await server.until(() => server.received[1]?.length === 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.received[1]?.map((m) => (m.type === "subscribe" ? m.id : m.type))).toEqual([
      "connect",
      "2",
    ]);
    bad.remove();
    good.remove();
  });

  it("a refused token (error 401) is reported to every live query", async () => {
    const { server, connection } = await setup("expired");
    const errors: AppflareError[] = [];
    const sub = connection.subscribe(
      "tasks/list",
      {},
      { onChange: () => {}, onError: (e) => errors.push(e) },
    );
    await server.until(() => server.received[0]?.length === 1);
    server.send(0, { event: "error", payload: { status: 401 } });
    await server.until(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ status: 401, code: "unauthorized" });
    sub.remove();
  });

  it.each([
    [4401, "refused token"],
    [4001, "session ended"],
    [4403, "banned"],
  ])("a %i close (%s) is not retried with the same token; restart() reconnects", async (code) => {
    const { server, connection } = await setup();
    const sub = connection.subscribe("tasks/list", {}, { onChange: () => {} });
    await server.until(() => server.received[0]?.length === 1);
    server.send(0, { event: "connected", payload: { connectionId: "c1", userId: "u1" } });
    await server.until(() => server.received[0]?.length === 2);
    server.sockets[0]?.close(code, "identity");
    // The backoff here is 20–40 ms: ten times that without a second socket means no retry.
    await new Promise((r) => setTimeout(r, 400));
    expect(server.sockets).toHaveLength(1);
    connection.restart();
    await server.until(() => server.received[1]?.length === 1);
    expect(server.received[1]?.[0]).toEqual({ type: "connect", authToken: "tok" });
    sub.remove();
  });

  it("without any WebSocket constructor the subscription gets a clear error", async () => {
    const connection = new RealtimeConnection({ url: "ws://127.0.0.1:1", getAuthToken: async () => null });
    const scope = globalThis as { WebSocket?: unknown };
    const saved = scope.WebSocket;
    scope.WebSocket = undefined;
    try {
      const errors: AppflareError[] = [];
      connection.subscribe("tasks/list", {}, { onChange: () => {}, onError: (e) => errors.push(e) }).remove();
      expect(errors[0]?.code).toBe("no_websocket");
      expect(errors[0]?.message).toMatch(/WebSocket/);
    } finally {
      scope.WebSocket = saved;
    }
  });
});
