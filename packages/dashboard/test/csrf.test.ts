import { beforeAll, describe, expect, it } from "vitest";
import { CSRF, count, makeApp, migrate, send, type TestApp, userWithRole } from "./support/app";

let app: TestApp;
let admin: string;

beforeAll(async () => {
  await migrate();
  app = makeApp();
  admin = (await userWithRole(app, "csrf-admin@example.com", "admin")).token;
});

const create = { name: "Ada" };

describe("state-changing requests", () => {
  it("from a foreign origin are refused and write nothing", async () => {
    const before = await count("authors");
    const res = await send(app, "POST", "/admin/tables/authors/rows", {
      token: admin,
      form: create,
      origin: "https://evil.example",
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: "csrf_rejected",
      message: expect.stringContaining("https://evil.example"),
    });
    expect(await count("authors")).toBe(before);
  });

  it("without an Origin header are refused", async () => {
    const before = await count("authors");
    const res = await send(app, "POST", "/admin/tables/authors/rows", {
      token: admin,
      form: create,
      origin: null,
    });
    expect(res.status).toBe(403);
    expect(await count("authors")).toBe(before);
  });

  it("without the token are refused", async () => {
    const before = await count("authors");
    const res = await send(app, "POST", "/admin/tables/authors/rows", {
      token: admin,
      form: create,
      csrf: false,
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "csrf_rejected" });
    expect(await count("authors")).toBe(before);
  });

  it("with a token that does not match the cookie are refused", async () => {
    const before = await count("authors");
    const res = await send(app, "POST", "/admin/tables/authors/rows", {
      token: admin,
      headers: { cookie: `appflare-csrf=${"b".repeat(64)}` },
      csrf: false,
      form: { ...create, _csrf: CSRF },
    });
    expect(res.status).toBe(403);
    expect(await count("authors")).toBe(before);
  });

  it("on the sign-in form are refused from a foreign origin", async () => {
    const res = await send(app, "POST", "/admin/sign-in", {
      form: { email: "csrf-admin@example.com", password: "correct horse battery" },
      origin: "https://evil.example",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("session");
  });

  it("from the dashboard's own page with its token go through", async () => {
    const before = await count("authors");
    const res = await send(app, "POST", "/admin/tables/authors/rows", { token: admin, form: create });
    expect(res.status).toBe(303);
    expect(await count("authors")).toBe(before + 1);
  });
});

describe("the CSRF cookie", () => {
  it("is minted HttpOnly and SameSite=Strict when a page is first served", async () => {
    const res = await send(app, "GET", "/admin/sign-in", { csrf: false });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/appflare-csrf=[0-9a-f]{64}/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
  });
});

describe("signing in with the form", () => {
  it("sets Better Auth's session cookie, which then opens the dashboard", async () => {
    const res = await send(app, "POST", "/admin/sign-in", {
      form: { email: "csrf-admin@example.com", password: "correct horse battery", next: "/admin/users" },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/users");
    const session = (res.headers.get("set-cookie") ?? "").match(/(better-auth\.session_token=[^;]+)/)?.[1];
    expect(session).toBeDefined();
    const page = await send(app, "GET", "/admin/users", { headers: { cookie: session ?? "" }, csrf: false });
    expect(page.status).toBe(200);
  });

  it("shows a wrong password on the form without a session", async () => {
    const res = await send(app, "POST", "/admin/sign-in", {
      form: { email: "csrf-admin@example.com", password: "wrong password!!" },
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Wrong email or password");
    expect(res.headers.get("set-cookie") ?? "").not.toContain("session_token");
  });
});
