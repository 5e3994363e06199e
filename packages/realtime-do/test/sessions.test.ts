import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { EndpointSubscribeResponse } from "../src/protocol/index";
import { bearer, migrate, request, signUp, TestSocket } from "./support";

beforeAll(migrate);

/** A second session of the same user (sign-in). */
async function signIn(email: string): Promise<string> {
  const reply = await request("POST", "/api/auth/sign-in/email", {
    json: { email, password: "correct horse battery" },
  });
  const token = reply.headers.get("set-auth-token");
  if (reply.status !== 200 || !token) throw new Error(`sign-in: ${reply.status}`);
  return token;
}

async function emailOf(userId: string): Promise<string> {
  const row = await env.DB.prepare("SELECT email FROM users WHERE id = ?")
    .bind(userId)
    .first<{ email: string }>();
  return row!.email;
}

describe("ended sessions close their sockets", () => {
  it("sign-out closes that session's sockets only (4001), endpoint-first ones included", async () => {
    const { token, userId } = await signUp("leaver");
    const other = await signIn(await emailOf(userId));
    const signedOut = await TestSocket.connect(token);
    const staying = await TestSocket.connect(other);
    const { token: subToken } = (await request("POST", "/realtime/subscribe", {
      json: { queryName: "tasks/list", args: { projectId: 1 }, authToken: token },
    }).then((r) => r.body)) as EndpointSubscribeResponse;
    const endpoint = await TestSocket.open(
      `/realtime/ws?token=${subToken}&authToken=${encodeURIComponent(token)}`,
    );
    await endpoint.next((m) => m.event === "query:update");

    const reply = await request("POST", "/api/auth/sign-out", { headers: bearer(token), json: {} });
    expect(reply.status).toBe(200);
    expect(await signedOut.next((m) => m.event === "error")).toMatchObject({
      payload: { status: 401, code: "session_ended" },
    });
    expect((await signedOut.closedWith()).code).toBe(4001);
    expect((await endpoint.closedWith()).code).toBe(4001);
    await staying.sync();
    expect(staying.closed).toBeUndefined();
    staying.close();
  }, 30_000);

  it("a ban closes every socket of the user (4403) and no other user's", async () => {
    const admin = await signUp("admin");
    await env.DB.prepare("UPDATE users SET role = 'admin' WHERE id = ?").bind(admin.userId).run();
    const target = await signUp("target");
    const second = await signIn(await emailOf(target.userId));
    const bystander = await signUp("bystander");
    const sockets = [await TestSocket.connect(target.token), await TestSocket.connect(second)];
    const other = await TestSocket.connect(bystander.token);

    const reply = await request("POST", "/api/auth/admin/ban-user", {
      headers: bearer(admin.token),
      json: { userId: target.userId },
    });
    expect(reply.status).toBe(200);
    for (const socket of sockets) {
      expect(await socket.next((m) => m.event === "error")).toMatchObject({
        payload: { status: 403, code: "banned" },
      });
      expect((await socket.closedWith()).code).toBe(4403);
    }
    await other.sync();
    expect(other.closed).toBeUndefined();
    // A banned user cannot connect again: the auth layer refuses the token.
    const again = await TestSocket.open();
    again.send({ type: "connect", authToken: target.token });
    expect([4401, 4403]).toContain((await again.closedWith()).code);
    other.close();
  }, 30_000);
});
