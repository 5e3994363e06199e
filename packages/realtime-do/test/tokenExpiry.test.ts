import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { EndpointSubscribeResponse } from "../src/protocol/index";
import { shardName } from "../src/shard/shardIndex";
import { COALESCED_TOKEN_TTL_MS } from "./app/tokenTtl";
import { coalescedApp, migrate, mutate, request, signUp, TestSocket } from "./support";

beforeAll(migrate);

// The coalesced app has one shard, so every token lives on shard 0.
const shard = () => env.COALESCED_REALTIME.get(env.COALESCED_REALTIME.idFromName(shardName(0)));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const wsPath = (token: string, authToken: string) =>
  `/realtime/ws?token=${token}&authToken=${encodeURIComponent(authToken)}`;
const upgrade = (token: string, authToken: string) =>
  request("GET", wsPath(token, authToken), { headers: { upgrade: "websocket" }, app: coalescedApp });

async function issue(authToken: string, projectId: number): Promise<string> {
  const reply = await request("POST", "/realtime/subscribe", {
    json: { queryName: "tasks/list", args: { projectId }, authToken },
    app: coalescedApp,
  });
  expect(reply.status).toBe(200);
  return (reply.body as EndpointSubscribeResponse).token;
}

async function storedTokens(token: string): Promise<number> {
  const row = await runInDurableObject(shard(), (_instance, state) =>
    state.storage.sql.exec("SELECT count(*) AS n FROM rt_tokens WHERE token = ?", token).one(),
  );
  return Number(row.n);
}

describe("endpoint-first token expiry", () => {
  it("refuses a token unused for longer than the TTL with 404; a fresh one connects", async () => {
    const projectId = ((await mutate("projects/create", { name: "ttl" })).body as { id: number }[])[0]!.id;
    const { token: authToken } = await signUp("ttl");
    const stale = await issue(authToken, projectId);
    await pause(COALESCED_TOKEN_TTL_MS + 100);

    const refused = await upgrade(stale, authToken);
    expect(refused.status).toBe(404);
    expect(refused.response.webSocket).toBeNull();
    expect(refused.body).toMatchObject({
      code: "not_found",
      message: expect.stringContaining(`expire after ${COALESCED_TOKEN_TTL_MS} ms`),
    });
    expect(await storedTokens(stale)).toBe(0);

    const fresh = await issue(authToken, projectId);
    const socket = await TestSocket.open(wsPath(fresh, authToken), {}, coalescedApp);
    await socket.next((m) => m.event === "query:update");
    socket.close();
  });

  it("a connected socket holds its token; the TTL restarts when the last socket closes", async () => {
    const projectId = ((await mutate("projects/create", { name: "held" })).body as { id: number }[])[0]!.id;
    const { token: authToken } = await signUp("held");
    const token = await issue(authToken, projectId);
    const first = await TestSocket.open(wsPath(token, authToken), {}, coalescedApp);
    await first.next((m) => m.event === "query:update");
    await pause(COALESCED_TOKEN_TTL_MS + 100);

    // Still held by the open socket: a second socket (a reconnect) is accepted.
    const second = await TestSocket.open(wsPath(token, authToken), {}, coalescedApp);
    await second.next((m) => m.event === "query:update");
    first.close();
    second.close();
    await first.closedWith();
    await second.closedWith();
    await pause(50);
    expect(await storedTokens(token)).toBe(1);

    await pause(COALESCED_TOKEN_TTL_MS + 100);
    expect((await upgrade(token, authToken)).status).toBe(404);
    expect(await storedTokens(token)).toBe(0);
  });

  it("the alarm sweeps expired tokens nobody came back for (no upgrade needed)", async () => {
    const { token: authToken } = await signUp("sweep");
    const token = await issue(authToken, 1);
    expect(await storedTokens(token)).toBe(1);
    await pause(COALESCED_TOKEN_TTL_MS + 100);
    // The alarm set for the expiry has usually fired by now; run it in case it is still pending.
    await runDurableObjectAlarm(shard());
    expect(await storedTokens(token)).toBe(0);
  });
});
