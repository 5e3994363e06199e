import { beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_CSP } from "../src/http/securityHeaders";
import { CSRF, makeApp, migrate, send, type TestApp, userWithRole } from "./support/app";

/** Every dashboard route (ids need not exist: the gate answers before any handler runs). */
const GETS = [
  "/admin",
  "/admin/tables/posts",
  "/admin/tables/posts/options",
  "/admin/tables/posts/export",
  "/admin/audit",
  "/admin/users",
  "/admin/users/options",
  "/admin/functions",
];
const POSTS = [
  "/admin/tables/posts/rows",
  "/admin/tables/posts/rows/x",
  "/admin/tables/posts/rows/x/delete",
  "/admin/tables/posts/import",
  "/admin/tables/posts/import/confirm",
  "/admin/audit/1/undo",
  "/admin/users",
  "/admin/users/u1/role",
  "/admin/users/u1/ban",
  "/admin/users/u1/unban",
  "/admin/users/u1/revoke",
  "/admin/users/u1/delete",
  "/admin/functions/run",
  "/admin/storage/upload",
  "/admin/storage/delete",
  "/admin/storage/folder",
];
/** Other spellings of dashboard paths: doubled slashes, percent-escapes (also double), dot segments, backslashes. */
const VARIANTS = [
  "//admin",
  "//admin/users",
  "/%61dmin",
  "/%61dmin/users",
  "/%2561dmin/users",
  "/admin%2Fusers",
  "/admin%2ftables%2Fposts",
  "/admin/./users",
  "/x/../admin/users",
  "/admin%5Cusers",
];

let app: TestApp;
let admin: string;
let member: string;

beforeAll(async () => {
  await migrate();
  app = makeApp();
  admin = (await userWithRole(app, "gate-admin@example.com", "admin")).token;
  member = (await userWithRole(app, "gate-member@example.com", "user")).token;
});

describe("anonymous callers", () => {
  it("PUT /admin/storage/object is 401", async () => {
    expect(
      (await send(app, "PUT", "/admin/storage/object?path=a.txt", { headers: { "x-csrf-token": CSRF } }))
        .status,
    ).toBe(401);
  });

  it.each(GETS)("GET %s redirects to the sign-in page", async (path) => {
    const res = await send(app, "GET", path);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/sign-in?next=${encodeURIComponent(path)}`);
  });

  it.each(POSTS)("POST %s is 401", async (path) => {
    const res = await send(app, "POST", path);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "unauthorized" });
  });

  it.each(VARIANTS)("GET %s is checked like /admin (redirected to sign-in, never served)", async (path) => {
    const res = await send(app, "GET", path);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/admin\/sign-in\?next=/);
  });

  it.each(VARIANTS)("POST %s is 401", async (path) => {
    expect((await send(app, "POST", path)).status).toBe(401);
  });

  it("gets the sign-in page and the static files, with the strict CSP", async () => {
    const page = await send(app, "GET", "/admin/sign-in");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toBe(DASHBOARD_CSP);
    const html = await page.text();
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>|style="/);
    const script = await send(app, "GET", "/admin/assets/dashboard.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
  });
});

describe("signed-in users without the admin role", () => {
  it.each(GETS)("GET %s is 403", async (path) => {
    const res = await send(app, "GET", path, { token: member });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden" });
  });

  it.each(POSTS)("POST %s is 403", async (path) => {
    expect((await send(app, "POST", path, { token: member })).status).toBe(403);
  });

  it.each(VARIANTS)("%s is 403", async (path) => {
    expect((await send(app, "GET", path, { token: member })).status).toBe(403);
  });
});

describe("admins", () => {
  it.each(GETS.filter((path) => !path.includes("object")))("GET %s is 200", async (path) => {
    const res = await send(app, "GET", path, { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy") ?? "").toContain("script-src 'self'");
  });

  // Dot segments never reach the Worker: the URL parser resolves them (`/x/../admin` is `/admin`).
  const encoded = VARIANTS.filter((path) => !path.includes("/."));

  it.each(encoded)("%s is redirected to its canonical path", async (path) => {
    const res = await send(app, "GET", path, { token: admin });
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toMatch(/^\/admin(\/|$)/);
  });

  it("leaves the app's own routes alone", async () => {
    const res = await send(app, "GET", "/queries/posts/countPosts");
    expect(res.status).toBe(200);
    expect(await res.json()).toBe(0);
  });
});
