import { beforeAll, describe, expect, it } from "vitest";
import { count, makeApp, migrate, revocationRecorder, send, type TestApp, userWithRole } from "./support/app";

let app: TestApp;
let admin: { token: string; id: string };
const recorder = revocationRecorder();

beforeAll(async () => {
  await migrate();
  app = makeApp({}, {}, [recorder.plugin]);
  admin = await userWithRole(app, "users-admin@example.com", "admin");
});

describe("users", () => {
  it("lists and searches users", async () => {
    await userWithRole(app, "findme@example.com");
    const html = await (await send(app, "GET", "/admin/users?q=findme", { token: admin.token })).text();
    expect(html).toContain("findme@example.com");
    expect(html).not.toContain("users-admin@example.com&gt;");
  });

  it("creates a user through Better Auth", async () => {
    const res = await send(app, "POST", "/admin/users", {
      token: admin.token,
      form: { name: "New", email: "created@example.com", password: "correct horse battery", role: "user" },
    });
    expect(res.status).toBe(303);
    expect(await count("users", "email = ?", "created@example.com")).toBe(1);
  });

  it("refuses a user without a password and creates nothing", async () => {
    const before = await count("users");
    const res = await send(app, "POST", "/admin/users", {
      token: admin.token,
      form: { name: "x", email: "nopass@example.com" },
    });
    expect(res.status).toBe(400);
    expect(await count("users")).toBe(before);
  });

  it("bans a user, whose requests are then refused, and unbans them", async () => {
    const target = await userWithRole(app, "banned@example.com");
    const ban = await send(app, "POST", `/admin/users/${target.id}/ban`, {
      token: admin.token,
      form: { reason: "spam", days: "1" },
    });
    expect(ban.status).toBe(303);
    expect(await count("users", "id = ? AND banned = 1 AND ban_reason = 'spam'", target.id)).toBe(1);
    // Better Auth's ban also ends the user's sessions: the old token no longer signs anyone in.
    const after = await send(app, "GET", "/queries/posts/countPosts", { token: target.token });
    expect([401, 403]).toContain(after.status);
    // Reported to plugins like a ban through /api/auth (realtime closes the user's sockets on it).
    expect(recorder.seen).toContainEqual(expect.objectContaining({ userId: target.id, reason: "ban" }));
    expect((await send(app, "POST", `/admin/users/${target.id}/unban`, { token: admin.token })).status).toBe(
      303,
    );
    expect(await count("users", "id = ? AND banned = 1", target.id)).toBe(0);
  });

  it("sets a role, revokes sessions and deletes a user, each recorded in the audit log", async () => {
    const target = await userWithRole(app, "roles@example.com");
    const audits = await count("appflare_audit", "table_name = 'users'");
    expect(
      (
        await send(app, "POST", `/admin/users/${target.id}/role`, {
          token: admin.token,
          form: { role: "admin" },
        })
      ).status,
    ).toBe(303);
    expect(await count("users", "id = ? AND role = 'admin'", target.id)).toBe(1);
    expect((await send(app, "POST", `/admin/users/${target.id}/revoke`, { token: admin.token })).status).toBe(
      303,
    );
    expect(await count("sessions", "user_id = ?", target.id)).toBe(0);
    expect((await send(app, "POST", `/admin/users/${target.id}/delete`, { token: admin.token })).status).toBe(
      303,
    );
    expect(await count("users", "id = ?", target.id)).toBe(0);
    expect(await count("appflare_audit", "table_name = 'users'")).toBe(audits + 3);
    expect(recorder.seen).toContainEqual(expect.objectContaining({ userId: target.id, reason: "revoke" }));
    expect(recorder.seen).toContainEqual(expect.objectContaining({ userId: target.id, reason: "delete" }));
  });

  it("will not let an admin delete their own account", async () => {
    const res = await send(app, "POST", `/admin/users/${admin.id}/delete`, { token: admin.token });
    expect(res.status).toBe(400);
    expect(await count("users", "id = ?", admin.id)).toBe(1);
  });
});
