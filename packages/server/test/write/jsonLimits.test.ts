/**
 * Issue 9 item 8: JSON nested deeper than SQLite parses was stored (200) and then every read loading
 * it was a 500, for every user. Writes now refuse JSON over `JSON_LIMITS` (400 naming the field,
 * nothing written), and a bad value written around ctx.db (raw SQL, as `ctx.$db` can) reads as
 * `null` — top level, nested in `with`, and under a where on the column — without breaking other rows.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { JSON_LIMITS } from "../../src/db/jsonLimits";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { countAll, seedProject, unique, writeTestRuntime } from "./writeTestRuntime";

const TABLES = ["projects", "tasks", "attachments"];

/** `{ a: { a: … 1 } }` with `levels` object levels. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** The same as JSON text, built without recursion (JSON.stringify would recurse `levels` deep). */
function nestedText(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
}

let projectId = "";
let taskId = 0;

beforeAll(async () => {
  const { db } = await writeTestRuntime();
  projectId = await seedProject();
  const [task] = await db.tasks.insert({ values: { title: "json", projectId } });
  taskId = task!.id;
});

describe("JSON over the limits is refused on write", () => {
  const tooDeep = nested(JSON_LIMITS.maxDepth + 1);
  const tooBig = { blob: "x".repeat(JSON_LIMITS.maxBytes) };
  const cases: ReadonlyArray<
    [string, (db: Awaited<ReturnType<typeof writeTestRuntime>>["db"]) => Promise<unknown>, RegExp]
  > = [
    [
      "insert, too deep",
      (db) =>
        db.attachments.insert({ values: { path: unique("p"), size: 1, taskId, metadata: tooDeep as never } }),
      /"attachments\.metadata".*maxDepth/,
    ],
    [
      "insert, too big",
      (db) =>
        db.attachments.insert({ values: { path: unique("p"), size: 1, taskId, metadata: tooBig as never } }),
      /"attachments\.metadata".*maxBytes/,
    ],
    [
      "nested insert, too deep",
      (db) =>
        db.tasks.insert({
          values: {
            title: "t",
            projectId,
            attachments: [{ path: unique("p"), size: 1, metadata: tooDeep as never }],
          },
        }),
      /"attachments\.metadata".*maxDepth/,
    ],
    [
      "update set, too deep",
      (db) => db.attachments.update({ where: { taskId }, set: { metadata: tooDeep as never } }),
      /"attachments\.metadata".*maxDepth/,
    ],
    [
      "upsert, too deep",
      (db) =>
        db.attachments.upsert({ values: { path: unique("p"), size: 1, taskId, metadata: tooDeep as never } }),
      /"attachments\.metadata".*maxDepth/,
    ],
  ];
  for (const [name, run, message] of cases) {
    it(`${name} → 400 naming the field, nothing written`, async () => {
      const { db, executor } = await writeTestRuntime();
      const before = await countAll(...TABLES);
      const error = await run(db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidQueryError);
      expect((error as Error).message).toMatch(message);
      expect(executor.calls).toBe(0);
      expect(await countAll(...TABLES)).toEqual(before);
    });
  }

  it("accepts JSON exactly at the depth limit, and reads it back", async () => {
    const { db } = await writeTestRuntime();
    const value = nested(JSON_LIMITS.maxDepth);
    const [row] = await db.attachments.insert({
      values: { path: unique("p"), size: 1, taskId, metadata: value as never },
    });
    const [read] = await db.attachments.findMany({ where: { id: row!.id } });
    expect(read!.metadata).toEqual(value);
  });
});

describe("a bad JSON value written around ctx.db breaks no read", () => {
  let goodProject = "";
  let badProject = "";
  beforeAll(async () => {
    const { db } = await writeTestRuntime();
    goodProject = await seedProject();
    await db.projects.update({ where: { id: goodProject }, set: { tags: ["x", "y"] } });
    badProject = await seedProject();
    // What ctx.$db or sqlite3 could store: deeper than SQLite parses, and not JSON at all.
    await env.DB.prepare(`UPDATE projects SET tags = ? WHERE id = ?`)
      .bind(nestedText(1200), badProject)
      .run();
    const [task] = await db.tasks.insert({ values: { title: "bad-json", projectId: badProject } });
    await env.DB.prepare(
      `INSERT INTO attachments (id, path, size, uploaded_at, task_id, metadata) VALUES (?, ?, 1, 0, ?, ?)`,
    )
      .bind(crypto.randomUUID(), unique("bad"), task!.id, "{not json")
      .run();
  });

  it("top-level reads return the row with null for the bad value", async () => {
    const { db } = await writeTestRuntime();
    const rows = await db.projects.findMany({ where: { id: { in: [goodProject, badProject] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(goodProject)!.tags).toEqual(["x", "y"]);
    expect(byId.get(badProject)!.tags).toBeNull();
    const attachments = await db.attachments.findMany({ where: { task: { projectId: badProject } } });
    expect(attachments.map((a) => a.metadata)).toEqual([null]);
  });

  it("nested reads (with) embed null for the bad value and keep the others", async () => {
    const { db } = await writeTestRuntime();
    const tasks = await db.tasks.findMany({
      where: { projectId: { in: [goodProject, badProject] } },
      with: { project: true, attachments: true },
    });
    expect(tasks.length).toBeGreaterThan(0);
    const bad = tasks.find((t) => t.projectId === badProject)!;
    expect(bad.project!.tags).toBeNull();
    expect(bad.attachments.map((a) => a.metadata)).toEqual([null]);
    const projects = await db.projects.findMany({
      where: { id: { in: [goodProject, badProject] } },
      with: { tasks: { with: { attachments: true } } },
    });
    expect(projects).toHaveLength(2);
  });

  it("a where on the column treats the bad value as NULL (UNKNOWN) and still matches the others", async () => {
    const { db } = await writeTestRuntime();
    const ids = [goodProject, badProject];
    const hits = await db.projects.findMany({ where: { id: { in: ids }, tags: { includes: ["x"] } } });
    expect(hits.map((p) => p.id)).toEqual([goodProject]);
    const lengths = await db.projects.count({ where: { id: { in: ids }, tags: { length: 2 } } });
    expect(lengths).toBe(1);
    const notMatching = await db.projects.count({
      where: { id: { in: ids }, not: { tags: { includes: ["x"] } } },
    });
    expect(notMatching).toBe(0);
  });

  it("writes to other rows and deletes of the bad row still work (before-images decode)", async () => {
    const { db } = await writeTestRuntime();
    const [updated] = await db.projects.update({ where: { id: badProject }, set: { name: "renamed" } });
    expect(updated!.tags).toBeNull();
    await db.projects.update({ where: { id: badProject }, set: { tags: ["fixed"] } });
    const [fixed] = await db.projects.findMany({ where: { id: badProject } });
    expect(fixed!.tags).toEqual(["fixed"]);
  });
});
