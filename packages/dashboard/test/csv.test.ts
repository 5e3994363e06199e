import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { csvLine } from "../src/csv/csvLine";
import { parseCsv } from "../src/csv/parseCsv";
import { EXPORT_PAGE_ROWS } from "../src/tables/exportCsv";
import {
  CSRF,
  count,
  makeApp,
  migrate,
  ORIGIN,
  send,
  type TestApp,
  testEnv,
  userWithRole,
} from "./support/app";

let app: TestApp;
let admin: string;
let authorId: number;

/** A multipart body as a browser sends the import forms (CSRF field included unless told). */
async function multipart(fields: Record<string, string | File>, csrf = true) {
  const form = new FormData();
  if (csrf) form.set("_csrf", CSRF);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const encoded = new Response(form);
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    headers: { "content-type": encoded.headers.get("content-type") ?? "" },
  };
}

const csvFile = (text: string) => new File([text], "rows.csv", { type: "text/csv" });

async function upload(path: string, text: string, target = app) {
  return send(target, "POST", path, { token: admin, ...(await multipart({ file: csvFile(text) })) });
}

/** The confirm form's `data` field of a preview page. */
function confirmData(html: string): string {
  const data = /name="data" value="([^"]*)"/.exec(html)?.[1];
  if (!data) throw new Error(`no confirm form in the preview:\n${html.slice(0, 2000)}`);
  return data;
}

async function confirm(table: string, data: string, target = app) {
  return send(target, "POST", `/admin/tables/${table}/import/confirm`, {
    token: admin,
    ...(await multipart({ data })),
  });
}

const rowsOf = async (res: Response) => parseCsv(await res.text());

beforeAll(async () => {
  await migrate();
  app = makeApp();
  admin = (await userWithRole(app, "csv-admin@example.com", "admin")).token;
  const res = await send(app, "POST", "/admin/tables/authors/rows", {
    token: admin,
    form: { name: "Ada", email: "ada@example.com" },
  });
  authorId = Number(new URL(res.headers.get("location") ?? "", ORIGIN).searchParams.get("row"));
  expect(authorId).toBeGreaterThan(0);
});

describe("CSV export", () => {
  it("streams every row of the current filter (not just its page), header first, values quoted", async () => {
    const statements = [];
    // More rows than one export page, with tied and null sort values, so the keyset paging is exercised.
    for (let i = 0; i < EXPORT_PAGE_ROWS + 37; i++) {
      statements.push(
        env.DB.prepare(
          "INSERT INTO posts (id, title, status, meta, score, published_at, author_id) VALUES (?, ?, 'draft', ?, ?, ?, ?)",
        ).bind(
          `exp-${String(i).padStart(4, "0")}`,
          i === 0 ? 'Export "quoted", with\nnewline' : `Export ${i}`,
          JSON.stringify({ tags: ["x,y"], featured: i % 2 === 0 }),
          i % 5 === 0 ? null : i % 7,
          Date.UTC(2026, 0, 1 + (i % 28)),
          authorId,
        ),
      );
    }
    await env.DB.batch(statements);
    await env.DB.prepare("INSERT INTO posts (id, title, meta, author_id) VALUES ('other', 'Other', '{}', ?)")
      .bind(authorId)
      .run();

    const res = await send(
      app,
      "GET",
      "/admin/tables/posts/export?f=title&o=startsWith&v=Export&sort=score&dir=desc",
      {
        token: admin,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="posts.csv"');
    const [header, ...rows] = await rowsOf(res);
    expect(header).toEqual(["id", "title", "status", "meta", "score", "publishedAt", "authorId", "ownerId"]);
    expect(rows).toHaveLength(EXPORT_PAGE_ROWS + 37);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    expect(rows.some((r) => r[0] === "other")).toBe(false);
    const first = rows.find((r) => r[0] === "exp-0000");
    expect(first).toEqual([
      "exp-0000",
      'Export "quoted", with\nnewline',
      "draft",
      '{"tags":["x,y"],"featured":true}',
      "",
      "2026-01-01T00:00:00.000Z",
      String(authorId),
      "",
    ]);
    // score desc: SQLite puts NULLs last descending.
    const scores = rows.map((r) => (r[4] === "" ? -1 : Number(r[4])));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("a bad filter in the URL is a 400 naming it", async () => {
    const res = await send(app, "GET", "/admin/tables/posts/export?f=nope&o=eq&v=1", { token: admin });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe("invalid_query");
    expect(body.message).toContain('"posts" has no field "nope"');
  });
});

describe("CSV import", () => {
  const header = csvLine(["name", "email"]);

  it("previews every row and writes nothing until confirmed; the confirm writes all rows and audits each", async () => {
    const before = { authors: await count("authors"), audit: await count("appflare_audit") };
    const text = `${header}${csvLine(["Lin, Q", "lin@example.com"])}${csvLine(["Bo", ""])}`;
    const preview = await upload("/admin/tables/authors/import", text);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("2 rows; all valid.");
    expect(html).toContain("Lin, Q");
    expect(html).toContain("Import 2 rows");
    expect(await count("authors")).toBe(before.authors);

    const done = await confirm("authors", confirmData(html));
    expect(done.status, await done.clone().text()).toBe(303);
    expect(done.headers.get("location")).toBe("/admin/tables/authors");
    expect(await count("authors")).toBe(before.authors + 2);
    expect(await count("authors", "name = ? AND email IS NULL", "Bo")).toBe(1);
    expect(await count("appflare_audit")).toBe(before.audit + 2);
    expect(
      await count(
        "appflare_audit",
        "action = 'insert' AND table_name = 'authors' AND after LIKE ?",
        "%Lin, Q%",
      ),
    ).toBe(1);
  });

  it("a CSV with one bad row shows the problem by row and field, and its confirm writes nothing", async () => {
    const text = [
      csvLine(["title", "status", "meta", "score", "authorId"]),
      csvLine(["Good", "draft", '{"tags":[],"featured":false}', "1", String(authorId)]),
      csvLine(["Bad", "archived", '{"tags":[],"featured":false}', "1.5", String(authorId)]),
      csvLine(["x".repeat(81), "draft", "{not json", "2", String(authorId)]),
    ].join("");
    const before = { posts: await count("posts"), audit: await count("appflare_audit") };
    const preview = await upload("/admin/tables/posts/import", text);
    expect(preview.status).toBe(400);
    const html = await preview.text();
    expect(html).toContain("3 rows; 2 with problems");
    expect(html).not.toContain("Import 3 rows");
    expect(html).toMatch(/archived<span class="problem">[^<]*(draft|published)/);
    expect(html).toMatch(/1\.5<span class="problem">[^<]*int/i);
    expect(html).toMatch(/<span class="problem">meta: not valid JSON/);

    // Posting the file anyway (a hand-made confirm) is validated again and refused whole.
    const refused = await confirm("posts", btoa(text));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Nothing was imported: 2 rows have problems");
    expect(await count("posts")).toBe(before.posts);
    expect(await count("appflare_audit")).toBe(before.audit);
  });

  it("a row the database refuses (a duplicate unique email) rolls back the whole batch", async () => {
    const text = `${header}${csvLine(["New", "new@example.com"])}${csvLine(["Twin", "ada@example.com"])}`;
    const preview = await upload("/admin/tables/authors/import", text);
    expect(preview.status).toBe(200);
    const before = { authors: await count("authors"), audit: await count("appflare_audit") };
    const res = await confirm("authors", confirmData(await preview.text()));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Nothing was imported.");
    expect(await count("authors")).toBe(before.authors);
    expect(await count("authors", "email = 'new@example.com'")).toBe(0);
    expect(await count("appflare_audit")).toBe(before.audit);
  });

  it("refuses a file whose header names an unknown column, naming it", async () => {
    const res = await upload(
      "/admin/tables/authors/import",
      `${csvLine(["name", "age"])}${csvLine(["A", "3"])}`,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("CSV header: &quot;authors&quot; has no column &quot;age&quot;");
    expect(html).not.toContain('name="data"');
  });

  it("refuses a missing file and damaged confirm data with a 400, writing nothing", async () => {
    const before = await count("authors");
    const noFile = await send(app, "POST", "/admin/tables/authors/import", {
      token: admin,
      ...(await multipart({})),
    });
    expect(noFile.status).toBe(400);
    expect(await noFile.text()).toContain("Choose a CSV file");
    const damaged = await confirm("authors", "%%%not base64");
    expect(damaged.status).toBe(400);
    expect(await damaged.text()).toContain("upload the CSV again");
    expect(await count("authors")).toBe(before);
  });

  it("export then re-import restores deleted rows exactly", async () => {
    const exported = await send(app, "GET", "/admin/tables/posts/export?f=id&o=startsWith&v=exp-001", {
      token: admin,
    });
    const text = await exported.text();
    const original = await env.DB.prepare("SELECT * FROM posts WHERE id LIKE 'exp-001%' ORDER BY id").all();
    expect(original.results).toHaveLength(10);
    await env.DB.prepare("DELETE FROM posts WHERE id LIKE 'exp-001%'").run();

    const preview = await upload("/admin/tables/posts/import", text);
    expect(preview.status).toBe(200);
    const res = await confirm("posts", confirmData(await preview.text()));
    expect(res.status, await res.clone().text()).toBe(303);
    const restored = await env.DB.prepare("SELECT * FROM posts WHERE id LIKE 'exp-001%' ORDER BY id").all();
    expect(restored.results).toEqual(original.results);
  });
});

describe("CSV import refusals", () => {
  it("caps the body at limits.bodyBytes with a 413 JSON error, writing nothing", async () => {
    const small = makeApp({}, { limits: { bodyBytes: 512 } });
    const before = await count("authors");
    const big = `${csvLine(["name"])}${Array.from({ length: 100 }, (_, i) => csvLine([`Name ${i}`])).join("")}`;
    const res = await upload("/admin/tables/authors/import", big, small);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "payload_too_large" });
    const confirmed = await confirm("authors", btoa(big), small);
    expect(confirmed.status).toBe(413);
    expect(await count("authors")).toBe(before);
  });

  it("caps a streamed body without Content-Length too", async () => {
    const small = makeApp({}, { limits: { bodyBytes: 512 } });
    const before = await count("authors");
    const { body, headers } = await multipart({
      file: csvFile(`${csvLine(["name"])}${"Streamed\r\n".repeat(200)}`),
    });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += 256) controller.enqueue(body.slice(i, i + 256));
        controller.close();
      },
    });
    const request = new Request(`${ORIGIN}/admin/tables/authors/import`, {
      method: "POST",
      headers: {
        ...headers,
        authorization: `Bearer ${admin}`,
        origin: ORIGIN,
        cookie: `appflare-csrf=${CSRF}`,
      },
      body: stream,
    });
    expect(request.headers.get("content-length")).toBeNull();
    const res = await small.worker.fetch(request, testEnv, createExecutionContext());
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "payload_too_large" });
    expect(await count("authors")).toBe(before);
  });

  it("refuses a confirm without the CSRF token or from a foreign origin, writing nothing", async () => {
    const data = btoa(`${csvLine(["name"])}${csvLine(["Forged"])}`);
    const before = await count("authors");
    const noToken = await send(app, "POST", "/admin/tables/authors/import/confirm", {
      token: admin,
      ...(await multipart({ data }, false)),
    });
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ code: "csrf_rejected" });
    const foreign = await send(app, "POST", "/admin/tables/authors/import/confirm", {
      token: admin,
      origin: "https://evil.example",
      ...(await multipart({ data })),
    });
    expect(foreign.status).toBe(403);
    expect(await count("authors")).toBe(before);
    expect(await count("authors", "name = 'Forged'")).toBe(0);
  });

  it("refuses non-admins", async () => {
    const member = await userWithRole(app, "csv-member@example.com", "user");
    const res = await send(app, "POST", "/admin/tables/authors/import/confirm", {
      token: member.token,
      ...(await multipart({ data: btoa(`${csvLine(["name"])}${csvLine(["Sneak"])}`) })),
    });
    expect(res.status).toBe(403);
    expect(await count("authors", "name = 'Sneak'")).toBe(0);
  });
});
