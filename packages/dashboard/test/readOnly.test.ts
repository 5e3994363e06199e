import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { count, makeApp, migrate, send, type TestApp, userWithRole } from "./support/app";

let app: TestApp;
let admin: string;
let member: { token: string; id: string };
let postId: string;
let auditId: number;

/** Rows of every table a dashboard write could touch. */
const snapshot = async () => ({
  authors: await count("authors"),
  posts: await count("posts"),
  users: await count("users"),
  sessions: await count("sessions"),
  banned: await count("users", "banned = 1"),
  admins: await count("users", "role = 'admin'"),
  titles: await env.DB.prepare("SELECT group_concat(title) AS t FROM posts").first<{ t: string }>(),
  audit: await count("appflare_audit"),
  objects: (await env.STORAGE.list()).objects.length,
});

beforeAll(async () => {
  await migrate();
  // Seed through a writable dashboard, then look at the same data through a read-only one.
  const writable = makeApp();
  admin = (await userWithRole(writable, "ro-admin@example.com", "admin")).token;
  member = await userWithRole(writable, "ro-member@example.com", "user");
  const author = await send(writable, "POST", "/admin/tables/authors/rows", {
    token: admin,
    form: { name: "Ro" },
  });
  const authorId = new URL(author.headers.get("location") ?? "", "http://x").searchParams.get("row") ?? "";
  const post = await send(writable, "POST", "/admin/tables/posts/rows", {
    token: admin,
    form: { title: "Ro post", authorId },
  });
  postId = new URL(post.headers.get("location") ?? "", "http://x").searchParams.get("row") ?? "";
  auditId =
    (await env.DB.prepare("SELECT max(id) AS id FROM appflare_audit").first<{ id: number }>())?.id ?? 0;
  app = makeApp({ readOnly: true });
});

describe("read-only mode", () => {
  const writes = (): [string, Record<string, string>][] => [
    ["/admin/tables/authors/rows", { name: "Nope" }],
    [`/admin/tables/posts/rows/${postId}`, { title: "Changed" }],
    [`/admin/tables/posts/rows/${postId}/delete`, {}],
    [`/admin/audit/${auditId}/undo`, {}],
    ["/admin/tables/authors/import", {}],
    ["/admin/storage/folder", { name: "ro-folder" }],
    ["/admin/tables/authors/import/confirm", { data: btoa("name\r\nNope\r\n") }],
    ["/admin/users", { name: "x", email: "ro-new@example.com", password: "correct horse battery" }],
    [`/admin/users/${member.id}/role`, { role: "admin" }],
    [`/admin/users/${member.id}/ban`, { reason: "spam" }],
    [`/admin/users/${member.id}/unban`, {}],
    [`/admin/users/${member.id}/revoke`, {}],
    [`/admin/users/${member.id}/delete`, {}],
  ];

  it("refuses every write route with 403 read_only and changes nothing", async () => {
    for (const [path, form] of writes()) {
      const before = await snapshot();
      const res = await send(app, "POST", path, { token: admin, form });
      expect(res.status, path).toBe(403);
      expect(await res.json(), path).toMatchObject({ code: "read_only" });
      expect(await snapshot(), path).toEqual(before);
    }
  });

  it("refuses to run a mutation but runs a query", async () => {
    const refused = await send(app, "POST", "/admin/functions/run", {
      token: admin,
      form: { fn: "mutation:posts/whoami", args: '{"note":"x"}', as: member.id },
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("read-only");
    const ran = await send(app, "POST", "/admin/functions/run", {
      token: admin,
      form: { fn: "query:posts/countPosts", args: "{}" },
    });
    expect(ran.status).toBe(200);
    expect(await ran.text()).toMatch(/OK in \d+ ms/);
  });

  it("still lets the admin browse, and shows no write controls", async () => {
    const res = await send(app, "GET", `/admin/tables/posts?row=${postId}`, { token: admin });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Read-only mode");
    expect(html).not.toContain(">Save<");
    expect(html).not.toContain("Delete row");
    expect(html).not.toContain("Preview import");
  });
});
