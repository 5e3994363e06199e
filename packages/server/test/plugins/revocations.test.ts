import { beforeAll, describe, expect, it } from "vitest";
import { createOrPromoteAdmin } from "../../src/auth/createOrPromoteAdmin";
import { authEnv, bearer, count, migrateAuthDb, send, signIn, signUp } from "../auth/support";
import { makePluginWorker, recorder } from "./support";

const { plugin, recording } = recorder();
const worker = makePluginWorker([plugin]);
let adminToken: string;
let adminId: string;

beforeAll(async () => {
  await migrateAuthDb();
  const admin = await createOrPromoteAdmin(
    (worker.auth as NonNullable<typeof worker.auth>).authFor(authEnv),
    {
      email: "root@example.test",
      password: "root password 1",
      name: "Root",
    },
  );
  adminId = admin.userId;
  const { token } = await signIn(worker, "root@example.test", "root password 1");
  adminToken = token as string;
});

const admin = (path: string, json: unknown, token = adminToken) =>
  send(worker, "POST", `/api/auth/admin/${path}`, { headers: bearer(token), json });

/** Runs `act` and returns the revocations plugins were told about meanwhile. */
async function revokedBy(act: () => Promise<{ status: number }>, status: number) {
  recording.revoked.length = 0;
  const reply = await act();
  expect(reply.status).toBe(status);
  return [...recording.revoked];
}

describe("onSessionsRevoked", () => {
  it("sign-out reports the ended session (only that one)", async () => {
    const { token, userId } = await signUp(worker, "leaver@example.test");
    const { token: other } = await signIn(worker, "leaver@example.test");
    const sessionId = (
      await firstRow<{ id: string }>("SELECT id FROM sessions WHERE token = ?", token.split(".")[0] as string)
    )?.id;
    expect(sessionId).toBeTruthy();
    const seen = await revokedBy(
      () => send(worker, "POST", "/api/auth/sign-out", { headers: bearer(token), json: {} }),
      200,
    );
    expect(seen).toEqual([{ userId, sessionId, reason: "sign-out" }]);
    expect(await count("sessions", "id = ?", sessionId)).toBe(0);
    // The user's other session lives on.
    expect(
      (await send(worker, "GET", "/queries/labels/whoami", { headers: bearer(other as string) })).status,
    ).toBe(200);
  });

  it("a sign-out that ends nothing (no session, dead or forged token) reports nothing", async () => {
    const { token } = await signUp(worker, "twice@example.test");
    await send(worker, "POST", "/api/auth/sign-out", { headers: bearer(token), json: {} });
    for (const headers of [
      {},
      bearer(token),
      bearer("forged.token"),
      bearer(token.split(".")[0] as string),
    ]) {
      expect(
        await revokedBy(() => send(worker, "POST", "/api/auth/sign-out", { headers, json: {} }), 200),
      ).toEqual([]);
    }
  });

  it("an admin's ban reports all of the user's sessions; a non-admin's ban call is refused and reports nothing", async () => {
    const { token, userId } = await signUp(worker, "target@example.test");
    const { token: mallory } = await signUp(worker, "mallory@example.test");
    const sessions = await count("sessions", "user_id = ?", userId);
    expect(await revokedBy(() => admin("ban-user", { userId }, mallory), 403)).toEqual([]);
    expect(await revokedBy(() => admin("ban-user", { userId }, "forged.token"), 401)).toEqual([]);
    expect(await count("sessions", "user_id = ?", userId)).toBe(sessions);
    expect((await send(worker, "GET", "/queries/labels/whoami", { headers: bearer(token) })).status).toBe(
      200,
    );

    expect(await revokedBy(() => admin("ban-user", { userId, banReason: "spam" }), 200)).toEqual([
      { userId, reason: "ban" },
    ]);
    expect(await count("sessions", "user_id = ?", userId)).toBe(0);
  });

  it("an admin's revoke-user-sessions reports reason revoke; a refused one nothing", async () => {
    const { userId, token } = await signUp(worker, "revoked@example.test");
    expect(await revokedBy(() => admin("revoke-user-sessions", { userId }, token), 403)).toEqual([]);
    expect(await revokedBy(() => admin("revoke-user-sessions", { userId }), 200)).toEqual([
      { userId, reason: "revoke" },
    ]);
    expect(await count("sessions", "user_id = ?", userId)).toBe(0);
  });

  it("an admin's remove-user reports reason delete; a refused one nothing", async () => {
    const { userId, token } = await signUp(worker, "removed@example.test");
    expect(await revokedBy(() => admin("remove-user", { userId }, token), 403)).toEqual([]);
    expect(await count("users", "id = ?", userId)).toBe(1);
    expect(await revokedBy(() => admin("remove-user", { userId }), 200)).toEqual([
      { userId, reason: "delete" },
    ]);
    expect(await count("users", "id = ?", userId)).toBe(0);
  });

  it("the user's own revoke-sessions reports all their sessions", async () => {
    const { userId, token } = await signUp(worker, "self@example.test");
    await signIn(worker, "self@example.test");
    expect(
      await revokedBy(
        () => send(worker, "POST", "/api/auth/revoke-sessions", { headers: bearer(token), json: {} }),
        200,
      ),
    ).toEqual([{ userId, reason: "revoke" }]);
    expect(await count("sessions", "user_id = ?", userId)).toBe(0);
    expect(
      await revokedBy(
        () => send(worker, "POST", "/api/auth/revoke-sessions", { headers: bearer(token), json: {} }),
        401,
      ),
    ).toEqual([]);
  });

  it("other auth routes report nothing (sign-in, get-session, the admin's own list)", async () => {
    await signUp(worker, "quiet@example.test");
    expect(await revokedBy(() => signIn(worker, "quiet@example.test").then((r) => r.reply), 200)).toEqual([]);
    expect(
      await revokedBy(
        () => send(worker, "GET", "/api/auth/get-session", { headers: bearer(adminToken) }),
        200,
      ),
    ).toEqual([]);
    expect(adminId).toBeTruthy();
  });
});

async function firstRow<T>(sql: string, ...binds: unknown[]): Promise<T | null> {
  return authEnv.DB.prepare(sql)
    .bind(...binds)
    .first<T>();
}
