import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { count, makeApp, migrate, send, type TestApp, userWithRole } from "./support/app";

let app: TestApp;
let admin: string;
let authorId: number;

const postRow = (id: string) =>
  env.DB.prepare("SELECT title, status, meta, score FROM posts WHERE id = ?")
    .bind(id)
    .first<Record<string, unknown>>();

beforeAll(async () => {
  await migrate();
  app = makeApp();
  admin = (await userWithRole(app, "tables-admin@example.com", "admin")).token;
  const res = await send(app, "POST", "/admin/tables/authors/rows", {
    token: admin,
    form: { name: "Grace", email: "grace@example.com" },
  });
  expect(res.status).toBe(303);
  authorId = Number(new URL(res.headers.get("location") ?? "", "http://x").searchParams.get("row"));
  expect(authorId).toBeGreaterThan(0);
});

async function createPost(fields: Record<string, string>): Promise<string> {
  const res = await send(app, "POST", "/admin/tables/posts/rows", {
    token: admin,
    form: { title: "Hello", authorId: String(authorId), meta: '{"tags":["a"],"featured":false}', ...fields },
  });
  expect(res.status, await res.clone().text()).toBe(303);
  const id = new URL(res.headers.get("location") ?? "", "http://x").searchParams.get("row");
  if (!id) throw new Error("no row in the redirect");
  return id;
}

describe("the overview", () => {
  it("lists every app table with its row count, and no auth table", async () => {
    const html = await (await send(app, "GET", "/admin", { token: admin })).text();
    expect(html).toContain('href="/admin/tables/authors"');
    expect(html).toContain('href="/admin/tables/posts"');
    expect(html).not.toContain('href="/admin/tables/sessions"');
    expect(html).not.toContain('href="/admin/tables/users"');
  });

  it("refuses auth tables by URL", async () => {
    const res = await send(app, "GET", "/admin/tables/sessions", { token: admin });
    expect(res.status).toBe(400);
  });
});

describe("create and edit", () => {
  it("creates a row through ctx.db (defaults applied) and records it in the audit log", async () => {
    const id = await createPost({ title: "First" });
    expect(await postRow(id)).toMatchObject({ title: "First", status: "draft" });
    const audit = await env.DB.prepare("SELECT action, after FROM appflare_audit WHERE row_key = ?")
      .bind(id)
      .first<{ action: string; after: string }>();
    expect(audit?.action).toBe("insert");
    expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ title: "First" });
  });

  it("an invalid edit shows the schema's message inline and writes nothing", async () => {
    const id = await createPost({ title: "Keep me" });
    const before = await postRow(id);
    const audits = await count("appflare_audit");
    const res = await send(app, "POST", `/admin/tables/posts/rows/${id}`, {
      token: admin,
      form: {
        title: "x".repeat(81),
        status: "draft",
        authorId: String(authorId),
        meta: '{"tags":[],"featured":true}',
      },
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("posts.title");
    expect(html).toContain("at most 80 characters");
    expect(html).toContain('id="field-title-error"');
    expect(await postRow(id)).toEqual(before);
    expect(await count("appflare_audit")).toBe(audits);
  });

  it("bad JSON in a JSON column is refused with the parse error and writes nothing", async () => {
    const id = await createPost({ title: "Json" });
    const before = await postRow(id);
    const res = await send(app, "POST", `/admin/tables/posts/rows/${id}`, {
      token: admin,
      form: { title: "Json", status: "draft", authorId: String(authorId), meta: "{not json" },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("meta: not valid JSON");
    expect(await postRow(id)).toEqual(before);
  });

  it("JSON of the wrong shape is refused by the schema and writes nothing", async () => {
    const id = await createPost({ title: "Shape" });
    const before = await postRow(id);
    const res = await send(app, "POST", `/admin/tables/posts/rows/${id}`, {
      token: admin,
      form: {
        title: "Shape",
        status: "draft",
        authorId: String(authorId),
        meta: '{"tags":"nope","featured":1}',
      },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("posts.meta");
    expect(await postRow(id)).toEqual(before);
  });

  it("an unknown enum value is refused and creates nothing", async () => {
    const before = await count("posts");
    const res = await send(app, "POST", "/admin/tables/posts/rows", {
      token: admin,
      form: { title: "Enum", status: "deleted", authorId: String(authorId) },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("posts.status");
    expect(await count("posts")).toBe(before);
  });

  it("a missing relation target is a 409 foreign key message, nothing created", async () => {
    const before = await count("posts");
    const res = await send(app, "POST", "/admin/tables/posts/rows", {
      token: admin,
      form: { title: "Orphan", authorId: "999999" },
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("foreign_key_violation");
    expect(await count("posts")).toBe(before);
  });

  it("a valid edit saves and records before/after", async () => {
    const id = await createPost({ title: "Old" });
    const res = await send(app, "POST", `/admin/tables/posts/rows/${id}`, {
      token: admin,
      form: {
        title: "New",
        status: "published",
        authorId: String(authorId),
        meta: '{"tags":["x"],"featured":true}',
        score: "5",
      },
    });
    expect(res.status).toBe(303);
    expect(await postRow(id)).toMatchObject({ title: "New", status: "published", score: 5 });
  });

  it("shows relation fields as links and edits them with a picker", async () => {
    const id = await createPost({ title: "Linked" });
    const html = await (await send(app, "GET", `/admin/tables/posts?row=${id}`, { token: admin })).text();
    expect(html).toContain(`href="/admin/tables/authors?row=${authorId}"`);
    expect(html).toContain('data-picker="/admin/tables/authors/options"');
    expect(html).toContain('data-picker="/admin/users/options"');
    const options = (await (
      await send(app, "GET", "/admin/tables/authors/options?q=gra", { token: admin })
    ).json()) as unknown[];
    expect(options).toContainEqual({ value: String(authorId), label: `Grace (${authorId})` });
  });
});

describe("views are URLs", () => {
  it("filters, searches and sorts from the query string", async () => {
    await createPost({ title: "Filter alpha", score: "10" });
    await createPost({ title: "Filter beta", score: "20" });
    await createPost({ title: "Filter gamma", score: "30" });
    const url = "/admin/tables/posts?q=filter&f=score&o=gte&v=20&sort=score&dir=desc";
    const html = await (await send(app, "GET", url, { token: admin })).text();
    expect(html).toContain("(2 rows)");
    expect(html.indexOf("Filter gamma")).toBeLessThan(html.indexOf("Filter beta"));
    expect(html).not.toContain("Filter alpha");
  });

  it("names a bad filter instead of ignoring it", async () => {
    const res = await send(app, "GET", "/admin/tables/posts?f=nope&o=eq&v=1", { token: admin });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("has no field &quot;nope&quot;");
  });

  it("pages with keyset cursors without skipping or repeating a row", async () => {
    const values = Array.from(
      { length: 120 },
      (_, i) => `('k-${i}', 'Page ${i}', 'draft', ${i % 7}, ${authorId})`,
    );
    await env.DB.prepare(
      `INSERT INTO posts (id, title, status, score, author_id) VALUES ${values.join(",")}`,
    ).run();
    const seen: string[] = [];
    let url: string | undefined = "/admin/tables/posts?q=Page&sort=score&dir=asc";
    while (url) {
      const html: string = await (await send(app, "GET", url, { token: admin })).text();
      seen.push(...[...html.matchAll(/>Page (\d+)</g)].map((m) => m[1] ?? ""));
      const next: string | undefined = /href="([^"]+)">Next page/.exec(html)?.[1];
      url = next?.replaceAll("&amp;", "&");
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });
});

describe("delete and undo", () => {
  it("undoes an edit from the audit log, and refuses when the row changed since", async () => {
    const id = await createPost({ title: "Before" });
    const edit = (title: string) =>
      send(app, "POST", `/admin/tables/posts/rows/${id}`, {
        token: admin,
        form: { title, status: "draft", authorId: String(authorId), meta: '{"tags":["a"],"featured":false}' },
      });
    expect((await edit("After")).status).toBe(303);
    const entry = await env.DB.prepare(
      "SELECT id FROM appflare_audit WHERE row_key = ? AND action = 'update'",
    )
      .bind(id)
      .first<{ id: number }>();
    expect((await send(app, "POST", `/admin/audit/${entry?.id}/undo`, { token: admin })).status).toBe(303);
    expect(await postRow(id)).toMatchObject({ title: "Before" });

    expect((await edit("Third")).status).toBe(303);
    expect((await edit("Fourth")).status).toBe(303);
    const third = await env.DB.prepare(
      "SELECT id FROM appflare_audit WHERE row_key = ? AND after LIKE '%Third%' AND action = 'update'",
    )
      .bind(id)
      .first<{ id: number }>();
    const refused = await send(app, "POST", `/admin/audit/${third?.id}/undo`, { token: admin });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("changed after entry");
    expect(await postRow(id)).toMatchObject({ title: "Fourth" });
  });

  it("deletes a row and undoes the delete", async () => {
    const id = await createPost({ title: "Doomed" });
    expect((await send(app, "POST", `/admin/tables/posts/rows/${id}/delete`, { token: admin })).status).toBe(
      303,
    );
    expect(await postRow(id)).toBeNull();
    const entry = await env.DB.prepare(
      "SELECT id FROM appflare_audit WHERE row_key = ? AND action = 'delete'",
    )
      .bind(id)
      .first<{ id: number }>();
    expect((await send(app, "POST", `/admin/audit/${entry?.id}/undo`, { token: admin })).status).toBe(303);
    expect(await postRow(id)).toMatchObject({ title: "Doomed" });
    const html = await (await send(app, "GET", "/admin/audit?table=posts", { token: admin })).text();
    expect(html).toContain(`undone by #`);
  });
});
