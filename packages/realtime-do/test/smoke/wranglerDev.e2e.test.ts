import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { EndpointSubscribeResponse } from "../../src/protocol/index";
import { type RunningWorker, startWranglerDev } from "./startWranglerDev";

/** A `ws` client recording text frames. */
function open(url: string, protocol?: string) {
  const ws = new WebSocket(url, protocol);
  const frames: string[] = [];
  const waiters: (() => void)[] = [];
  let closed: number | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    ws.on("open", resolve);
    ws.on("error", reject);
    ws.on("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  ws.on("message", (data) => {
    frames.push(data.toString());
    for (const w of waiters.splice(0)) w();
  });
  ws.on("close", (code) => {
    closed = code;
    for (const w of waiters.splice(0)) w();
  });
  const next = async (match: (frame: string) => boolean, from = 0): Promise<string> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = frames.slice(from).find(match);
      if (found !== undefined) return found;
      if (closed !== undefined) throw new Error(`closed ${closed}; frames ${frames.join(" | ")}`);
      if (Date.now() > deadline) throw new Error(`timed out; frames ${frames.join(" | ")}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 250);
      });
    }
  };
  return { ws, frames, opened, next };
}

describe("realtime through wrangler dev with a real WebSocket client", () => {
  let worker: RunningWorker;
  let authToken: string;
  const origin = () => new URL(worker.url).origin;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${worker.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: origin(), ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    worker = await startWranglerDev();
    const signUp = await post("/api/auth/sign-up/email", {
      email: `smoke-${Date.now()}@realtime.test`,
      password: "correct horse battery",
      name: "Smoke",
    });
    expect(signUp.status).toBe(200);
    authToken = signUp.headers.get("set-auth-token") ?? "";
    expect(authToken).not.toBe("");
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it("runs the endpoint-first flow exactly as appflare 0.2 documented it", async () => {
    const project = await post("/mutations/projects/create", { name: "smoke" });
    const projectId = ((await project.json()) as { id: number }[])[0]!.id;

    // 1. POST /realtime/subscribe → token, signature, websocket description.
    const res = await post("/realtime/subscribe", {
      queryName: "tasks/list",
      args: { projectId },
      authToken,
    });
    expect(res.status).toBe(200);
    const sub = (await res.json()) as EndpointSubscribeResponse;
    expect(sub.signature).toBe(`tasks/list::{"projectId":${projectId}}`);
    expect(sub.websocket).toEqual({
      url: `ws://${new URL(worker.url).host}/realtime/ws`,
      protocol: "appflare.realtime.v1",
      params: { tokenParam: "token", authTokenParam: "authToken" },
    });

    // 2. GET /realtime/ws?token=&authToken= upgrades.
    const url = `${sub.websocket.url}?${sub.websocket.params.tokenParam}=${sub.token}&${sub.websocket.params.authTokenParam}=${encodeURIComponent(authToken)}`;
    const socket = open(url, sub.websocket.protocol);
    await socket.opened;
    expect(socket.ws.protocol).toBe("appflare.realtime.v1");

    // 3. query:update with { queryName, signature, data }: the current result, then each change.
    const initial = JSON.parse(await socket.next((f) => f.includes("query:update")));
    expect(initial).toEqual({
      event: "query:update",
      payload: { queryName: "tasks/list", signature: sub.signature, data: [] },
    });
    const seen = socket.frames.length;
    const created = await post("/mutations/tasks/create", { title: "smoke task", projectId });
    expect(created.status).toBe(200);
    const update = JSON.parse(await socket.next((f) => f.includes("query:update"), seen));
    expect(update.payload.data).toMatchObject([{ title: "smoke task", projectId }]);

    // ping → {"event":"pong"}
    const beforePing = socket.frames.length;
    socket.ws.send("ping");
    expect(await socket.next((f) => f.includes("pong"), beforePing)).toBe('{"event":"pong"}');
    socket.ws.close(1000, "done");
  });

  it("refuses the upgrade with another user's authToken", async () => {
    const res = await post("/realtime/subscribe", {
      queryName: "tasks/list",
      args: { projectId: 1 },
      authToken,
    });
    const sub = (await res.json()) as EndpointSubscribeResponse;
    const other = await post("/api/auth/sign-up/email", {
      email: `smoke-other-${Date.now()}@realtime.test`,
      password: "correct horse battery",
      name: "Other",
    });
    const otherToken = other.headers.get("set-auth-token") ?? "";
    const socket = open(
      `${sub.websocket.url}?token=${sub.token}&authToken=${encodeURIComponent(otherToken)}`,
    );
    await expect(socket.opened).rejects.toThrow(/403/);
  });

  it("serves the multiplexed mode", async () => {
    const socket = open(`ws://${new URL(worker.url).host}/realtime/ws`, "appflare.realtime.v1");
    await socket.opened;
    socket.ws.send(JSON.stringify({ type: "connect", authToken }));
    expect(JSON.parse(await socket.next((f) => f.includes("connected")))).toMatchObject({
      event: "connected",
    });
    socket.ws.send(JSON.stringify({ type: "subscribe", id: "1", queryName: "tasks/rawCount", args: {} }));
    const first = JSON.parse(await socket.next((f) => f.includes("query:update")));
    expect(first.payload).toMatchObject({
      id: "1",
      queryName: "tasks/rawCount",
      version: expect.any(Number),
      hash: expect.any(String),
    });
    socket.ws.close(1000, "done");
  });
});
