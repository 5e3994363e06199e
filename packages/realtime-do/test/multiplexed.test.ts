import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  MultiplexedUpdatePayload,
  QueryErrorMessage,
  QueryUpdateMessage,
  ServerMessage,
} from "../src/protocol/index";
import { migrate, mutate, request, signUp, TestSocket } from "./support";

const isUpdate =
  (id: string) =>
  (m: ServerMessage): m is QueryUpdateMessage<MultiplexedUpdatePayload> =>
    m.event === "query:update" && (m.payload as { id?: string }).id === id;
const isError =
  (id: string) =>
  (m: ServerMessage): m is QueryErrorMessage =>
    m.event === "query:error" && m.payload.id === id;

async function newProject(name: string, ownerId: string | null = null): Promise<number> {
  const reply = await mutate("projects/create", { name, ownerId });
  expect(reply.status).toBe(200);
  return (reply.body as { id: number }[])[0]!.id;
}

beforeAll(migrate);

describe("multiplexed mode: connect", () => {
  it("answers connected with a null user for an anonymous socket", async () => {
    const socket = await TestSocket.open();
    socket.send({ type: "connect" });
    const m = await socket.next((x) => x.event === "connected");
    expect(m).toEqual({ event: "connected", payload: { connectionId: expect.any(String), userId: null } });
    socket.close();
  });

  it("answers connected with the user of a valid token", async () => {
    const { token, userId } = await signUp();
    const socket = await TestSocket.connect(token);
    expect(socket.messages[0]).toEqual({
      event: "connected",
      payload: { connectionId: expect.any(String), userId },
    });
    socket.close();
  });

  it("refuses an invalid token with error 401 and closes", async () => {
    const socket = await TestSocket.open();
    socket.send({ type: "connect", authToken: "not-a-token" });
    expect(await socket.next((m) => m.event === "error")).toEqual({
      event: "error",
      payload: { status: 401, code: "unauthorized", message: expect.any(String) },
    });
    expect((await socket.closedWith()).code).toBe(4401);
  });

  it("refuses messages before connect, and a second connect", async () => {
    const early = await TestSocket.open();
    early.send({ type: "subscribe", id: "a", queryName: "tasks/list", args: { projectId: 1 } });
    expect(await early.next((m) => m.event === "error")).toMatchObject({
      payload: { status: 400, code: "invalid_message" },
    });
    expect((await early.closedWith()).code).toBe(4400);

    const twice = await TestSocket.connect();
    twice.send({ type: "connect" });
    expect(await twice.next((m) => m.event === "error")).toMatchObject({
      payload: { status: 400, code: "already_connected" },
    });
    expect((await twice.closedWith()).code).toBe(4400);
  });

  it("closes on a frame that is not a message", async () => {
    const socket = await TestSocket.connect();
    socket.send("{nope");
    expect(await socket.next((m) => m.event === "error")).toMatchObject({
      payload: { status: 400, code: "invalid_message" },
    });
    expect((await socket.closedWith()).code).toBe(4400);
  });

  it("answers the 0.2 ping frame with the exact pong frame", async () => {
    const socket = await TestSocket.connect();
    socket.send("ping");
    await socket.next((m) => m.event === "pong");
    expect(socket.raw).toContain('{"event":"pong"}');
    socket.close();
  });

  it("refuses a GET without upgrade with 426", async () => {
    const reply = await request("GET", "/realtime/ws");
    expect(reply.status).toBe(426);
    expect(reply.body).toMatchObject({ code: "upgrade_required" });
  });
});

describe("multiplexed mode: subscriptions", () => {
  it("sends the initial result, then only changes, with increasing versions", async () => {
    const projectId = await newProject("live");
    const other = await newProject("other");
    const socket = await TestSocket.connect();
    socket.send({ type: "subscribe", id: "s", queryName: "tasks/list", args: { projectId } });
    const first = await socket.next(isUpdate("s"));
    expect(first.payload).toEqual({
      id: "s",
      queryName: "tasks/list",
      signature: `tasks/list::{"projectId":${projectId}}`,
      version: expect.any(Number),
      hash: expect.any(String),
      data: [],
    });

    await mutate("tasks/create", { title: "a", projectId });
    const second = await socket.next(isUpdate("s"), 5000, socket.messages.indexOf(first) + 1);
    expect(second.payload.data).toMatchObject([{ title: "a", projectId }]);
    expect(second.payload.version).toBeGreaterThan(first.payload.version);
    expect(second.payload.hash).not.toBe(first.payload.hash);

    // A write elsewhere: no push at all.
    await mutate("tasks/create", { title: "b", projectId: other });
    // A write that matches the read but leaves the result equal: re-run, no push.
    await mutate("tasks/update", { where: { projectId }, set: { title: "a" } });
    await socket.sync();
    expect(socket.of("s").length).toBe(2);
    socket.close();
  });

  it("stops pushing after unsubscribe", async () => {
    const projectId = await newProject("unsub");
    const socket = await TestSocket.connect();
    socket.send({ type: "subscribe", id: "u", queryName: "tasks/list", args: { projectId } });
    await socket.next(isUpdate("u"));
    socket.send({ type: "unsubscribe", id: "u" });
    await socket.sync();
    await mutate("tasks/create", { title: "x", projectId });
    await socket.sync();
    expect(socket.of("u").length).toBe(1);
    socket.close();
  });

  it("answers query:error 400 for an unknown query and for bad args, 401 for authRequired when anonymous", async () => {
    const socket = await TestSocket.connect();
    socket.send({ type: "subscribe", id: "q1", queryName: "tasks/nope", args: {} });
    socket.send({ type: "subscribe", id: "q2", queryName: "tasks/list", args: { projectId: "seven" } });
    socket.send({ type: "subscribe", id: "q3", queryName: "tasks/mine", args: {} });
    expect((await socket.next(isError("q1"))).payload).toMatchObject({ status: 400, code: "not_found" });
    expect((await socket.next(isError("q2"))).payload).toMatchObject({ status: 400, code: "invalid_args" });
    expect((await socket.next(isError("q3"))).payload).toMatchObject({ status: 401, code: "unauthorized" });
    // The socket stays usable.
    socket.send({ type: "subscribe", id: "ok", queryName: "tasks/rawCount", args: {} });
    await socket.next(isUpdate("ok"));
    socket.close();
  });

  it("caps subscriptions per socket with query:error 429", async () => {
    const socket = await TestSocket.connect();
    for (let i = 0; i < 8; i++)
      socket.send({ type: "subscribe", id: `c${i}`, queryName: "tasks/list", args: { projectId: 1000 + i } });
    socket.send({ type: "subscribe", id: "c8", queryName: "tasks/list", args: { projectId: 2000 } });
    expect((await socket.next(isError("c8"))).payload).toMatchObject({
      status: 429,
      code: "too_many_subscriptions",
    });
    socket.close();
  });

  it("never sends one user's results to another", async () => {
    const alice = await signUp("alice");
    const bob = await signUp("bob");
    const projectId = await newProject("shared");
    await mutate("tasks/create", { title: "for alice", projectId, assigneeId: alice.userId });
    await mutate("tasks/create", { title: "for bob", projectId, assigneeId: bob.userId });
    const a = await TestSocket.connect(alice.token);
    const b = await TestSocket.connect(bob.token);
    a.send({ type: "subscribe", id: "m", queryName: "tasks/mine", args: {} });
    b.send({ type: "subscribe", id: "m", queryName: "tasks/mine", args: {} });
    expect((await a.next(isUpdate("m"))).payload.data).toMatchObject([{ title: "for alice" }]);
    expect((await b.next(isUpdate("m"))).payload.data).toMatchObject([{ title: "for bob" }]);
    await mutate("tasks/create", { title: "alice 2", projectId, assigneeId: alice.userId });
    await Promise.all([a.sync(), b.sync()]);
    const aliceData = a.of("m").map((m) => (m as QueryUpdateMessage<MultiplexedUpdatePayload>).payload.data);
    const bobData = b.of("m").map((m) => (m as QueryUpdateMessage<MultiplexedUpdatePayload>).payload.data);
    expect(JSON.stringify(aliceData)).not.toContain("for bob");
    expect(JSON.stringify(bobData)).not.toContain("alice");
    expect(aliceData.at(-1)).toMatchObject([{ title: "for alice" }, { title: "alice 2" }]);
    expect(bobData.length).toBe(1);
    a.close();
    b.close();
  });
});

describe("per-socket caps close only the offending socket", () => {
  it("closes a socket sending an oversized frame with 1009", async () => {
    const bystander = await TestSocket.connect();
    const offender = await TestSocket.connect();
    offender.send({ type: "subscribe", id: "big", queryName: "tasks/list", args: { pad: "x".repeat(5000) } });
    expect((await offender.closedWith()).code).toBe(1009);
    await bystander.sync();
    expect(bystander.closed).toBeUndefined();
    bystander.close();
  });

  it("closes a flooding socket with 4429", async () => {
    const bystander = await TestSocket.connect();
    const offender = await TestSocket.connect();
    for (let i = 0; i < 40; i++) offender.send('{"type":"ping"}');
    const close = await offender.closedWith();
    expect(close.code).toBe(4429);
    expect(close.reason).toMatch(/rate limit/);
    await bystander.sync();
    expect(bystander.closed).toBeUndefined();
    bystander.close();
  });
});

void env;
