import { beforeAll, describe, expect, it } from "vitest";
import type { EndpointSubscribeResponse, QueryUpdateMessage } from "../src/protocol/index";
import { migrate, mutate, request, signUp, TestSocket } from "./support";

beforeAll(migrate);

async function newProject(name: string): Promise<number> {
  return ((await mutate("projects/create", { name })).body as { id: number }[])[0]!.id;
}

async function subscribe(body: unknown) {
  return request("POST", "/realtime/subscribe", { json: body });
}

const wsPath = (token: string, authToken?: string) =>
  `/realtime/ws?token=${encodeURIComponent(token)}${authToken === undefined ? "" : `&authToken=${encodeURIComponent(authToken)}`}`;

describe("endpoint-first mode (appflare 0.2)", () => {
  it("POST /realtime/subscribe answers token, signature and the websocket description", async () => {
    const { token: authToken } = await signUp();
    const reply = await subscribe({ queryName: "tasks/list", args: { projectId: 4 }, authToken });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      signature: 'tasks/list::{"projectId":4}',
      websocket: {
        url: "ws://appflare.test/realtime/ws",
        protocol: "appflare.realtime.v1",
        params: { tokenParam: "token", authTokenParam: "authToken" },
      },
    });
  });

  it("sorts signature keys recursively", async () => {
    const { token: authToken } = await signUp();
    const reply = await subscribe({
      queryName: "tasks/find",
      args: { where: { title: "x", done: false }, limit: 3 },
      authToken,
    });
    expect((reply.body as EndpointSubscribeResponse).signature).toBe(
      'tasks/find::{"limit":3,"where":{"done":false,"title":"x"}}',
    );
  });

  it("answers 401 without authToken or with one that resolves to no user", async () => {
    const missing = await subscribe({ queryName: "tasks/list", args: { projectId: 1 } });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ code: "unauthorized" });
    const invalid = await subscribe({ queryName: "tasks/list", args: { projectId: 1 }, authToken: "forged" });
    expect(invalid.status).toBe(401);
  });

  it("answers 400 for an unknown query, bad args, or a body that is not an object", async () => {
    const { token: authToken } = await signUp();
    const unknown = await subscribe({ queryName: "tasks/nope", args: {}, authToken });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: "not_found", message: expect.stringContaining("tasks/nope") });
    const badArgs = await subscribe({ queryName: "tasks/list", args: { projectId: "x" }, authToken });
    expect(badArgs.status).toBe(400);
    expect(badArgs.body).toMatchObject({ code: "invalid_args" });
    const notObject = await request("POST", "/realtime/subscribe", {
      body: "[1]",
      headers: { "content-type": "application/json" },
    });
    expect(notObject.status).toBe(400);
  });

  it("upgrades with the token and its user's authToken, sends updates in the 0.2 shape, answers ping", async () => {
    const projectId = await newProject("endpoint");
    const { token: authToken } = await signUp();
    const { token } = (await subscribe({ queryName: "tasks/list", args: { projectId }, authToken }))
      .body as EndpointSubscribeResponse;
    const socket = await TestSocket.open(wsPath(token, authToken));
    const initial = await socket.next((m) => m.event === "query:update");
    expect(initial).toEqual({
      event: "query:update",
      payload: { queryName: "tasks/list", signature: `tasks/list::{"projectId":${projectId}}`, data: [] },
    });
    await mutate("tasks/create", { title: "pushed", projectId });
    const next = await socket.next(
      (m): m is QueryUpdateMessage => m.event === "query:update" && m !== initial,
    );
    expect(next.payload).toEqual({
      queryName: "tasks/list",
      signature: `tasks/list::{"projectId":${projectId}}`,
      data: [expect.objectContaining({ title: "pushed", projectId })],
    });
    socket.send("ping");
    await socket.next((m) => m.event === "pong");
    expect(socket.raw.at(-1)).toBe('{"event":"pong"}');
    socket.close();
  });

  it("refuses the upgrade for another user's authToken (403), no authToken (401), an unknown token (404)", async () => {
    const owner = await signUp("owner");
    const thief = await signUp("thief");
    const { token } = (
      await subscribe({ queryName: "tasks/list", args: { projectId: 1 }, authToken: owner.token })
    ).body as EndpointSubscribeResponse;
    const replay = await request("GET", wsPath(token, thief.token), { headers: { upgrade: "websocket" } });
    expect(replay.status).toBe(403);
    expect(replay.response.webSocket).toBeNull();
    expect(replay.body).toMatchObject({ code: "forbidden" });
    const anonymous = await request("GET", wsPath(token), { headers: { upgrade: "websocket" } });
    expect(anonymous.status).toBe(401);
    const unknown = await request("GET", wsPath("0".repeat(64), owner.token), {
      headers: { upgrade: "websocket" },
    });
    expect(unknown.status).toBe(404);
  });

  it("POST /realtime/unsubscribe: only the token's user, and it closes the token's sockets", async () => {
    const owner = await signUp("unsub-owner");
    const other = await signUp("unsub-other");
    const { token } = (
      await subscribe({ queryName: "tasks/list", args: { projectId: 2 }, authToken: owner.token })
    ).body as EndpointSubscribeResponse;
    const socket = await TestSocket.open(wsPath(token, owner.token));
    await socket.next((m) => m.event === "query:update");

    expect((await request("POST", "/realtime/unsubscribe", { json: { token } })).status).toBe(401);
    const foreign = await request("POST", "/realtime/unsubscribe", {
      json: { token, authToken: other.token },
    });
    expect(foreign.status).toBe(404);
    expect(socket.closed).toBeUndefined();

    const ok = await request("POST", "/realtime/unsubscribe", { json: { token, authToken: owner.token } });
    expect(ok.status).toBe(200);
    expect((await socket.closedWith()).code).toBe(4004);
    const again = await request("GET", wsPath(token, owner.token), { headers: { upgrade: "websocket" } });
    expect(again.status).toBe(404);
  });

  it("an endpoint-first socket may only ping", async () => {
    const { token: authToken } = await signUp();
    const { token } = (await subscribe({ queryName: "tasks/list", args: { projectId: 3 }, authToken }))
      .body as EndpointSubscribeResponse;
    const socket = await TestSocket.open(wsPath(token, authToken));
    await socket.next((m) => m.event === "query:update");
    socket.send({ type: "subscribe", id: "x", queryName: "tasks/list", args: { projectId: 9 } });
    expect(await socket.next((m) => m.event === "error")).toMatchObject({ payload: { status: 400 } });
    expect((await socket.closedWith()).code).toBe(4400);
  });
});
