import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createOrPromoteAdmin } from "../../src/auth/createOrPromoteAdmin";
import { pbkdf2Password } from "../../src/auth/pbkdf2Password";
import { authOptions } from "./app/authOptions";
import { authEnv, bearer, count, makeAuthWorker, migrateAuthDb, send, signIn, signUp } from "./support";

beforeAll(migrateAuthDb);

const passwordOf = async (email: string) =>
  (
    await env.DB.prepare(
      "SELECT a.password AS password FROM accounts a JOIN users u ON u.id = a.user_id WHERE u.email = ? AND a.provider_id = 'credential'",
    )
      .bind(email)
      .first<{ password: string }>()
  )?.password;

describe("createOrPromoteAdmin (appflare add-admin)", () => {
  const worker = makeAuthWorker();
  const auth = () => worker.auth.authFor(authEnv);

  it("creates an admin who can sign in with the given password", async () => {
    const result = await createOrPromoteAdmin(auth(), {
      email: "  Boss@Example.test ",
      password: "boss password 1",
      name: "Boss",
    });
    expect(result).toMatchObject({ email: "boss@example.test", created: true, promoted: false });
    expect(await count("users", "id = ? AND role = 'admin' AND name = 'Boss'", result.userId)).toBe(1);
    const { token } = await signIn(worker, "boss@example.test", "boss password 1");
    const me = await send(worker, "GET", "/queries/account/me", { headers: bearer(token as string) });
    expect(me.body).toMatchObject({ role: "admin" });
  });

  it("promotes an existing user, keeps their password, and is idempotent", async () => {
    const { userId } = await signUp(worker, "grow@example.test", "original password");
    const first = await createOrPromoteAdmin(auth(), {
      email: "grow@example.test",
      password: "ignored pw 123",
    });
    expect(first).toEqual({ userId, email: "grow@example.test", created: false, promoted: true });
    const second = await createOrPromoteAdmin(auth(), {
      email: "GROW@example.test",
      password: "ignored pw 123",
    });
    expect(second).toMatchObject({ created: false, promoted: false });
    expect(await count("users", "email = 'grow@example.test'")).toBe(1);
    expect((await signIn(worker, "grow@example.test", "original password")).reply.status).toBe(200);
    expect((await signIn(worker, "grow@example.test", "ignored pw 123")).reply.status).toBe(401);
  });

  it("rejects a bad email or a too-short password, creating nothing", async () => {
    const before = await count("users");
    await expect(createOrPromoteAdmin(auth(), { email: "nope", password: "long enough pw" })).rejects.toThrow(
      /"nope" is not an email address/,
    );
    await expect(
      createOrPromoteAdmin(auth(), { email: "short@example.test", password: "abc" }),
    ).rejects.toThrow(/the password must be 8–128 characters \(got 3\)/);
    expect(await count("users")).toBe(before);
  });
});

describe("custom password hash (emailAndPassword.password pass-through)", () => {
  const worker = makeAuthWorker({
    auth: {
      options: {
        ...authOptions,
        emailAndPassword: { enabled: true, password: pbkdf2Password({ iterations: 5_000 }) },
      },
    },
  });

  it("hashes with the configured function and verifies with it at sign-in", async () => {
    await signUp(worker, "fast@example.test", "quick password");
    expect(await passwordOf("fast@example.test")).toMatch(
      /^pbkdf2-sha256\$5000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/,
    );
    const ok = await signIn(worker, "fast@example.test", "quick password");
    expect(ok.reply.status).toBe(200);
    const bad = await signIn(worker, "fast@example.test", "quick passwore");
    expect(bad.reply.status).toBe(401);
  });

  it("the default instance hashes with scrypt (salt:key hex)", async () => {
    await signUp(makeAuthWorker(), "slow@example.test");
    expect(await passwordOf("slow@example.test")).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });
});

describe("config.auth", () => {
  it("enabled: false mounts no auth routes and ignores credentials", async () => {
    const enabled = makeAuthWorker();
    const { token } = await signUp(enabled, "off@example.test");
    const off = makeAuthWorker({ auth: { enabled: false, options: authOptions } });
    const res = await send(off, "POST", "/api/auth/sign-up/email", {
      json: { email: "x@example.test", password: "whatever pw", name: "x" },
    });
    expect(res.status).toBe(404);
    expect((await send(off, "GET", "/queries/account/whoami", { headers: bearer(token) })).body).toBeNull();
    expect((await send(off, "GET", "/queries/account/me", { headers: bearer(token) })).status).toBe(401);
  });

  it("basePath moves the Better Auth routes", async () => {
    const moved = makeAuthWorker({ auth: { basePath: "/auth/v2", options: authOptions } });
    const res = await send(moved, "POST", "/auth/v2/sign-up/email", {
      json: { email: "moved@example.test", password: "moved password", name: "m" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-auth-token")).toBeTruthy();
    expect((await send(moved, "POST", "/api/auth/sign-in/email", { json: {} })).status).toBe(404);
  });

  it("trusts the CORS origins for Better Auth's origin check", async () => {
    const worker = makeAuthWorker({ cors: ["https://app.example.test"], auth: { options: authOptions } });
    await signUp(worker, "origin@example.test");
    const signInFrom = (origin: string) =>
      send(worker, "POST", "/api/auth/sign-in/email", {
        headers: { origin, cookie: "theme=dark" },
        json: { email: "origin@example.test", password: "correct horse battery" },
      });
    const trusted = await signInFrom("https://app.example.test");
    expect(trusted.status).toBe(200);
    expect(trusted.headers.get("access-control-allow-origin")).toBe("https://app.example.test");
    expect((await signInFrom("https://evil.example.test")).status).toBe(403);
  });
});
