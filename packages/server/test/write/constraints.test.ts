import { describe, expect, it } from "vitest";
import {
  CheckViolationError,
  ForeignKeyViolationError,
  NotNullViolationError,
  UniqueViolationError,
} from "../../src/errors/DbError";
import { countAll, seedProject, seedUser, unique, writeTestRuntime } from "./writeTestRuntime";

const TABLES = ["projects", "tasks", "labels", "labelsTasksLinks", "taskDependencies"];

describe("D1 constraint failures through ctx.db", () => {
  it("UNIQUE → 409 unique_violation with TS names; nothing written", async () => {
    const { db, runtime } = await writeTestRuntime();
    const ownerId = await seedUser();
    const slug = unique("slug");
    await db.projects.insert({ values: { name: "a", slug, ownerId } });
    runtime.events.length = 0;
    const counts = await countAll(...TABLES);
    const error = await db.projects.insert({ values: { name: "b", slug, ownerId } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect((error as UniqueViolationError).body).toMatchObject({ table: "projects", fields: ["slug"] });
    expect(await countAll(...TABLES)).toEqual(counts);
    expect(runtime.events).toEqual([]);
  });

  it("multi-column UNIQUE (a junction's composite key) lists every field", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const [a, b] = await db.tasks.insert({
      values: [
        { title: "a", projectId },
        { title: "b", projectId },
      ],
    });
    await db.tasks.update({ where: { id: a!.id }, set: { blocks: [b!.id] } });
    const counts = await countAll(...TABLES);
    const junction = (db as unknown as Record<string, { insert(a: unknown): Promise<unknown> }>)
      .taskDependencies!;
    const error = await junction
      .insert({ values: { blockerId: a!.id, blockedId: b!.id } })
      .catch((e: unknown) => e);
    expect((error as UniqueViolationError).body).toMatchObject({
      table: "taskDependencies",
      fields: ["blockerId", "blockedId"],
    });
    expect(await countAll(...TABLES)).toEqual(counts);
  });

  it("FOREIGN KEY → 409 foreign_key_violation naming the written table; nothing written", async () => {
    const { db } = await writeTestRuntime();
    const counts = await countAll(...TABLES);
    const error = await db.tasks
      .insert({
        values: { title: "orphan", projectId: crypto.randomUUID(), labels: [{ name: unique("l") }] },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignKeyViolationError);
    expect((error as ForeignKeyViolationError).status).toBe(409);
    expect((error as ForeignKeyViolationError).body.table).toBe("tasks");
    expect(await countAll(...TABLES)).toEqual(counts);
  });

  it("CHECK → 400 check_violation naming the constraint; nothing written", async () => {
    const { db } = await writeTestRuntime();
    const ownerId = await seedUser();
    const counts = await countAll(...TABLES);
    const error = await db.projects
      .insert({ values: { name: "neg", slug: unique("neg"), ownerId, budget: -1, tasks: [{ title: "t" }] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckViolationError);
    expect((error as CheckViolationError).body).toMatchObject({
      code: "check_violation",
      constraint: "projects_budget_non_negative",
    });
    expect(await countAll(...TABLES)).toEqual(counts);
  });

  it("NOT NULL → 400 not_null_violation with TS names; nothing written", async () => {
    const { db } = await writeTestRuntime();
    const projectId = await seedProject();
    const counts = await countAll(...TABLES);
    const error = await db.tasks
      .insert({ values: [{ title: "fine", projectId }, { projectId } as never] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotNullViolationError);
    expect((error as NotNullViolationError).body).toMatchObject({ table: "tasks", fields: ["title"] });
    expect(await countAll(...TABLES)).toEqual(counts);
  });
});
