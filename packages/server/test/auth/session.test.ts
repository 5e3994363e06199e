import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "./app/authOptions";
import { bearer, count, makeAuthWorker, migrateAuthDb, send, signIn, signUp } from "./support";

const worker = makeAuthWorker();

beforeAll(migrateAuthDb);

describe("sign-up, sign-in and ctx.user", () => {
  it("signs up, signs in, and the bearer token makes ctx.user the user (with additional fields)", async () => {
    const { token: signUpToken, userId, reply } = await signUp(worker, "ada@example.test");
    expect(reply.body).toMatchObject({ user: { email: "ada@example.test", plan: "free" } });
    // Sign-up signs in (autoSignIn), so its token already works.
    expect(
      (await send(worker, "GET", "/queries/account/whoami", { headers: bearer(signUpToken) })).body,
    ).toBe(userId);

    const { token, reply: signedIn } = await signIn(worker, "ada@example.test");
    expect(signedIn.status).toBe(200);
    expect(token).toBeTruthy();
    const me = await send(worker, "GET", "/queries/account/me", { headers: bearer(token as string) });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: userId,
      email: "ada@example.test",
      name: "ada",
      role: "user",
      plan: "free",
    });
  });

  it("stores additional fields given at sign-up", async () => {
    const { token } = await signUp(worker, "pro@example.test", undefined, { plan: "pro" });
    const me = await send(worker, "GET", "/queries/account/me", { headers: bearer(token) });
    expect(me.body).toMatchObject({ email: "pro@example.test", plan: "pro" });
  });

  it("accepts the Better Auth session cookie as well as the bearer token", async () => {
    const { userId } = await signUp(worker, "cookie@example.test");
    const { reply } = await signIn(worker, "cookie@example.test");
    const setCookie = reply.headers.get("set-cookie") ?? "";
    const sessionCookie = setCookie.split(/,(?=\s*[\w.-]+=)/).find((c) => c.includes("session_token="));
    expect(sessionCookie).toBeDefined();
    const cookie = (sessionCookie as string).split(";")[0] as string;
    const me = await send(worker, "GET", "/queries/account/me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: userId });
  });

  it("reads the session cookie under the name the app configured", async () => {
    const custom = makeAuthWorker({
      auth: { options: { ...authOptions, advanced: { cookies: { session_token: { name: "sid" } } } } },
    });
    const { userId } = await signUp(custom, "sid@example.test");
    const { reply } = await signIn(custom, "sid@example.test");
    const cookie = (reply.headers.get("set-cookie") ?? "").split(";")[0] as string;
    expect(cookie).toMatch(/^sid=/);
    const me = await send(custom, "GET", "/queries/account/me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: userId });
  });

  it("answers 401 unauthorized on authRequired routes without a token, with a bad one, and after sign-out", async () => {
    const anonymous = await send(worker, "GET", "/queries/account/me");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: "unauthorized" });
    expect((await send(worker, "GET", "/queries/account/whoami")).body).toBeNull();

    const forged = await send(worker, "GET", "/queries/account/me", { headers: bearer("not-a-real-token") });
    expect(forged.status).toBe(401);

    const { token } = await signUp(worker, "leaver@example.test");
    const out = await send(worker, "POST", "/api/auth/sign-out", { headers: bearer(token), json: {} });
    expect(out.status).toBe(200);
    const after = await send(worker, "GET", "/queries/account/me", { headers: bearer(token) });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: "unauthorized" });
  });

  it("rejects a wrong password and creates no session", async () => {
    await signUp(worker, "careful@example.test");
    const before = await count("sessions");
    const { reply, token } = await signIn(worker, "careful@example.test", "wrong password!!");
    expect(reply.status).toBe(401);
    expect(token).toBeNull();
    expect(await count("sessions")).toBe(before);
  });

  it("gives handlers ctx.auth (the Better Auth instance) and ctx.session", async () => {
    const { token, userId } = await signUp(worker, "api@example.test");
    const res = await send(worker, "GET", "/queries/account/viaAuthApi", { headers: bearer(token) });
    expect(res.status).toBe(200);
    const body = res.body as { userId: string; sessionId: string };
    expect(body.userId).toBe(userId);
    expect(await count("sessions", "id = ? AND user_id = ?", body.sessionId, userId)).toBe(1);
  });
});
