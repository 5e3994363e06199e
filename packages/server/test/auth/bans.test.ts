import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createOrPromoteAdmin } from "../../src/auth/createOrPromoteAdmin";
import { authEnv, bearer, count, makeAuthWorker, migrateAuthDb, send, signIn, signUp } from "./support";

const worker = makeAuthWorker();
let adminToken: string;

beforeAll(async () => {
  await migrateAuthDb();
  await createOrPromoteAdmin(worker.auth.authFor(authEnv), {
    email: "root@example.test",
    password: "root password 1",
    name: "Root",
  });
  const { token } = await signIn(worker, "root@example.test", "root password 1");
  adminToken = token as string;
});

const me = (token: string) => send(worker, "GET", "/queries/account/me", { headers: bearer(token) });
const whoami = (token: string) => send(worker, "GET", "/queries/account/whoami", { headers: bearer(token) });
const ban = (userId: string, extra: Record<string, unknown> = {}) =>
  send(worker, "POST", "/api/auth/admin/ban-user", {
    headers: bearer(adminToken),
    json: { userId, ...extra },
  });

describe("banned users", () => {
  it("after a ban through the admin API: 403 banned on any call, sessions deleted, sign-in refused", async () => {
    const { token, userId } = await signUp(worker, "mallory@example.test");
    const { token: second } = await signIn(worker, "mallory@example.test");
    expect((await me(token)).status).toBe(200);
    expect(await count("sessions", "user_id = ?", userId)).toBe(2);

    const banned = await ban(userId, { banReason: "spam" });
    expect(banned.status).toBe(200);
    expect(await count("sessions", "user_id = ?", userId)).toBe(0);

    for (const t of [token, second as string]) {
      const res = await me(t);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: "banned" });
      // Not only authRequired routes: any call with their token.
      expect((await whoami(t)).status).toBe(403);
    }
    const again = await signIn(worker, "mallory@example.test");
    expect(again.reply.status).toBe(403);
    expect(again.token).toBeNull();
    expect(await count("sessions", "user_id = ?", userId)).toBe(0);
  });

  it("after an unban the old tokens stay dead (401) and signing in works again", async () => {
    const { token, userId } = await signUp(worker, "repent@example.test");
    expect((await ban(userId)).status).toBe(200);
    expect((await me(token)).status).toBe(403);
    const unban = await send(worker, "POST", "/api/auth/admin/unban-user", {
      headers: bearer(adminToken),
      json: { userId },
    });
    expect(unban.status).toBe(200);
    expect((await me(token)).status).toBe(401);
    expect((await whoami(token)).body).toBeNull();
    const { token: fresh } = await signIn(worker, "repent@example.test");
    expect((await me(fresh as string)).status).toBe(200);
  });

  it("a ban written straight to the users table (not through Better Auth) is enforced and revokes sessions", async () => {
    const { token, userId } = await signUp(worker, "direct@example.test");
    await signIn(worker, "direct@example.test");
    expect(await count("sessions", "user_id = ?", userId)).toBe(2);
    await env.DB.prepare("UPDATE users SET banned = 1 WHERE id = ?").bind(userId).run();

    const res = await me(token);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "banned" });
    expect(await count("sessions", "user_id = ?", userId)).toBe(0);
    // The revoked token keeps answering 403 while the ban lasts.
    expect((await whoami(token)).status).toBe(403);
  });

  it("respects banExpires: a timed ban blocks until it expires, an expired one does not", async () => {
    const { token, userId } = await signUp(worker, "timed@example.test");
    const past = Date.now() - 60_000;
    await env.DB.prepare("UPDATE users SET banned = 1, ban_expires = ? WHERE id = ?")
      .bind(past, userId)
      .run();
    expect((await me(token)).status).toBe(200);
    expect(await count("sessions", "user_id = ?", userId)).toBe(1);

    expect((await ban(userId, { banExpiresIn: 3600 })).status).toBe(200);
    expect((await me(token)).status).toBe(403);
    // Time passes: the ban's expiry moves into the past, the dead token is just dead now.
    await env.DB.prepare("UPDATE users SET ban_expires = ? WHERE id = ?").bind(past, userId).run();
    expect((await me(token)).status).toBe(401);
    // Better Auth's admin plugin lifts an expired ban at the next sign-in.
    const { token: fresh } = await signIn(worker, "timed@example.test");
    expect((await me(fresh as string)).status).toBe(200);
  });

  it("a signed-out user's token is anonymous, not banned", async () => {
    const { token } = await signUp(worker, "plain@example.test");
    await send(worker, "POST", "/api/auth/sign-out", { headers: bearer(token), json: {} });
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "unauthorized" });
  });

  it("only admins may ban", async () => {
    const { token } = await signUp(worker, "wannabe@example.test");
    const { userId: victim } = await signUp(worker, "victim@example.test");
    const res = await send(worker, "POST", "/api/auth/admin/ban-user", {
      headers: bearer(token),
      json: { userId: victim },
    });
    expect(res.status).toBe(403);
    expect(await count("users", "id = ? AND banned = 1", victim)).toBe(0);
  });
});

describe("role-gated middleware", () => {
  it("lets admins through and answers 403 to other users (hand-written check)", async () => {
    const { token } = await signUp(worker, "staff@example.test");
    const denied = await send(worker, "GET", "/queries/admin/stats", { headers: bearer(token) });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ message: "Admins only" });
    const anonymous = await send(worker, "GET", "/queries/admin/stats");
    expect(anonymous.status).toBe(403);
    const allowed = await send(worker, "GET", "/queries/admin/stats", { headers: bearer(adminToken) });
    expect(allowed.status).toBe(200);
    expect((allowed.body as { users: number }).users).toBeGreaterThan(0);
  });

  it("requireRole: 401 anonymous, 403 wrong role, 200 admin", async () => {
    const { token } = await signUp(worker, "editor@example.test");
    expect((await send(worker, "POST", "/mutations/admin/touch", { json: {} })).status).toBe(401);
    const denied = await send(worker, "POST", "/mutations/admin/touch", { headers: bearer(token), json: {} });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ message: 'Requires the "admin" role', details: { required: ["admin"] } });
    const ok = await send(worker, "POST", "/mutations/admin/touch", {
      headers: bearer(adminToken),
      json: {},
    });
    expect(ok.status).toBe(200);
  });

  it("a role set through the admin API takes effect on the next call", async () => {
    const { token, userId } = await signUp(worker, "promoted@example.test");
    expect((await send(worker, "GET", "/queries/admin/stats", { headers: bearer(token) })).status).toBe(403);
    const set = await send(worker, "POST", "/api/auth/admin/set-role", {
      headers: bearer(adminToken),
      json: { userId, role: "admin" },
    });
    expect(set.status).toBe(200);
    expect((await send(worker, "GET", "/queries/admin/stats", { headers: bearer(token) })).status).toBe(200);
  });
});
