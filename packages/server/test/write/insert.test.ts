import { describe, expect, it } from "vitest";
import { increment } from "../../src/db/operators";
import { MAX_BOUND_PARAMS } from "../../src/db/sql";
import { InvalidQueryError } from "../../src/errors/AppflareError";
import { ForeignKeyViolationError } from "../../src/errors/DbError";
import {
  countAll,
  countRows,
  rawRows,
  seedProject,
  seedUser,
  unique,
  writeTestRuntime,
} from "./writeTestRuntime";

describe("insert", () => {
  it("returns the row decoded, with runtime defaults and SQL defaults applied, in one batch", async () => {
    const { db, executor, runtime } = await writeTestRuntime();
    const ownerId = await seedUser();
    const before = Date.now();
    const [project] = await db.projects.insert({
      values: {
        name: "Docs",
        slug: unique("docs"),
        ownerId,
        settings: { color: "red", public: true, notifications: { email: false, digest: null } },
        budget: 12.5,
      },
    });
    expect(executor.calls).toBe(1);
    expect(project).toMatchObject({
      name: "Docs",
      ownerId,
      status: "active",
      defaultPriority: "medium",
      tags: [],
      settings: { color: "red", public: true, notifications: { email: false, digest: null } },
      budget: 12.5,
    });
    expect(project!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(project!.createdAt).toBeInstanceOf(Date);
    expect(project!.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(runtime.events).toEqual([
      { kind: "insert", table: "projects", args: expect.anything(), before: [], after: [project] },
    ]);
    const [stored] = await rawRows<{ settings: string; tags: string }>(
      `SELECT settings, tags FROM projects WHERE id = ?`,
      project!.id,
    );
    expect(JSON.parse(stored!.settings)).toEqual(project!.settings);
    expect(stored!.tags).toBe("[]");
  });

  it("returns several rows in the order given, whatever columns each row sets", async () => {
    const { db, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    const rows = await db.tasks.insert({
      values: [
        { title: "a", projectId },
        { title: "b", projectId, description: "with description", done: true },
        { title: "c", projectId, dueAt: new Date(86_400_000) },
        { title: "d", projectId },
      ],
    });
    expect(executor.calls).toBe(1);
    expect(rows.map((r) => r.title)).toEqual(["a", "b", "c", "d"]);
    expect(rows[1]).toMatchObject({ done: true, description: "with description" });
    expect(rows[2]!.dueAt).toEqual(new Date(86_400_000));
    expect(rows[0]).toMatchObject({ done: false, description: null, priority: "medium", checklist: [] });
    expect(new Set(rows.map((r) => r.id)).size).toBe(4);
  });

  it("splits 500 rows into statements under D1's parameter cap, still one batch, atomically", async () => {
    const { db, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    const countBefore = await countRows("tasks");
    const values = Array.from({ length: 500 }, (_, i) => ({
      title: `bulk ${i}`,
      projectId,
      estimateHours: i / 2,
    }));
    const rows = await db.tasks.insert({ values });
    expect(executor.calls).toBe(1);
    const statements = executor.batches[0]!;
    expect(statements.length).toBeGreaterThan(1);
    for (const s of statements) expect(s.params.length).toBeLessThanOrEqual(MAX_BOUND_PARAMS);
    expect(rows.map((r) => r.title)).toEqual(values.map((v) => v.title));
    expect(await countRows("tasks")).toBe(countBefore + 500);
  });

  it("splits rows with large values so every statement stays within D1's statement limits", async () => {
    const { db, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    const description = "x".repeat(60_000);
    const rows = await db.tasks.insert({
      values: Array.from({ length: 20 }, (_, i) => ({ title: `big ${i}`, projectId, description })),
    });
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.description === description)).toBe(true);
    const statements = executor.batches[0]!;
    expect(statements.length).toBeGreaterThan(1);
    for (const s of statements) {
      expect(s.text.length).toBeLessThan(100_000);
      const bound = s.params.reduce<number>((n, p) => n + (typeof p === "string" ? p.length : 8), 0);
      expect(bound).toBeLessThan(1_000_000);
    }
  });

  it("writes nothing when one row of a multi-statement insert fails", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll("tasks", "projects");
    const values = Array.from({ length: 300 }, (_, i) => ({ title: `doomed ${i}`, projectId }));
    values.push({ title: "orphan", projectId: crypto.randomUUID() });
    await expect(db.tasks.insert({ values })).rejects.toBeInstanceOf(ForeignKeyViolationError);
    expect(await countAll("tasks", "projects")).toEqual(counts);
  });

  it("serializes JSON columns (arrays of objects, enum arrays, untyped JSON) and reads them back", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const [task] = await db.tasks.insert({
      values: { title: "json", projectId, checklist: [{ text: "one", done: false, doneAt: null }] },
    });
    expect(task!.checklist).toEqual([{ text: "one", done: false, doneAt: null }]);
    const [comment] = await db.comments.insert({
      values: { body: "hi", taskId: task!.id, mentions: ["assignee", "everyone"] },
    });
    expect(comment!.mentions).toEqual(["assignee", "everyone"]);
    const [attachment] = await db.attachments.insert({
      values: { path: unique("a.png"), size: 10, taskId: task!.id, metadata: { width: 3, height: 4 } },
    });
    expect(attachment!.metadata).toEqual({ width: 3, height: 4 });
  });

  it("refuses an unknown field, naming the table and field; nothing is written", async () => {
    const { db, executor } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll("tasks");
    const bad = { title: "x", projectId, titel: "typo" } as unknown as { title: string; projectId: string };
    const error = await db.tasks.insert({ values: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidQueryError);
    expect((error as Error).message).toContain('"titel"');
    expect((error as Error).message).toContain('"tasks"');
    expect(executor.calls).toBe(0);
    expect(await countAll("tasks")).toEqual(counts);
  });

  it("refuses a value of the wrong type, naming the field; nothing is written", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll("tasks");
    const cases: Record<string, unknown>[] = [
      { done: "yes" },
      { estimateHours: Number.NaN },
      { priority: "someday" },
      { dueAt: "not a date" },
      { checklist: [{ text: "x", done: "no" }] },
      { title: 42 },
    ];
    for (const extra of cases) {
      const values = { title: "t", projectId, ...extra } as { title: string; projectId: string };
      const error = await db.tasks.insert({ values }).catch((e: unknown) => e);
      expect(error, JSON.stringify(extra)).toBeInstanceOf(InvalidQueryError);
      expect((error as Error).message).toContain(`tasks.${Object.keys(extra)[0]}`);
    }
    expect(await countAll("tasks")).toEqual(counts);
  });

  it("refuses update operators and non-object rows in insert values", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll("tasks");
    const withOperator = { title: "t", projectId, estimateHours: increment() } as unknown as {
      title: string;
    };
    await expect(db.tasks.insert({ values: withOperator as never })).rejects.toThrow(
      /only apply to update and upsert/,
    );
    await expect(db.tasks.insert({ values: ["nope"] as never })).rejects.toBeInstanceOf(InvalidQueryError);
    await expect(db.tasks.insert({} as never)).rejects.toThrow(/needs values/);
    expect(await countAll("tasks")).toEqual(counts);
  });

  it("an empty values array inserts nothing and makes no round trip", async () => {
    const { db, executor, runtime } = await writeTestRuntime();
    expect(await db.tasks.insert({ values: [] })).toEqual([]);
    expect(executor.calls).toBe(0);
    expect(runtime.events).toEqual([]);
  });

  it("keeps an explicitly given primary key and runtime-default overrides", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const createdAt = new Date(1_000);
    const [task] = await db.tasks.insert({
      values: { id: 9_000_001, title: "explicit", projectId, createdAt },
    });
    expect(task).toMatchObject({ id: 9_000_001, createdAt });
  });
});
