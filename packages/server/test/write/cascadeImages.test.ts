import { env } from "cloudflare:test";
import { schema, table, v } from "@appflare/schema";
import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/createDb";
import { countingExecutor, d1Executor } from "../../src/db/D1Executor";
import type { DbRuntime } from "../../src/db/DbRuntime";

// `leaves` is declared before `branches` and cascades from both `roots` and `branches`: deleting a root
// reaches leaves directly AND through its branches, so leaves must be read after branches.
const dag = schema({
  roots: table({ id: v.int().primaryKey({ autoIncrement: true }), name: v.string().notNull() }),
  leaves: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string().notNull(),
    root: v.one("roots", { onDelete: "cascade" }),
    branch: v.one("branches", { nullable: true, onDelete: "cascade" }),
  }),
  branches: table({
    id: v.int().primaryKey({ autoIncrement: true }),
    name: v.string().notNull(),
    root: v.one("roots", { onDelete: "cascade" }),
  }),
});

// The tables this test needs, as drizzle-kit would write them for the schema above.
const DDL = [
  `CREATE TABLE "roots" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL)`,
  `CREATE TABLE "branches" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL, "root_id" integer NOT NULL REFERENCES "roots"("id") ON DELETE cascade)`,
  `CREATE TABLE "leaves" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" text NOT NULL, "root_id" integer NOT NULL REFERENCES "roots"("id") ON DELETE cascade, "branch_id" integer REFERENCES "branches"("id") ON DELETE cascade)`,
];

describe("cascade before-images", () => {
  it("follow every path to a table (in topological order), not only the first one found", async () => {
    for (const statement of DDL) await env.DB.prepare(statement).run();
    const runtime: DbRuntime = {
      model: dag.model,
      executor: countingExecutor(d1Executor(env.DB)),
      limits: { defaultLimit: 100, maxLimit: 1000 },
      reads: [],
      events: [],
    };
    const db = createDb<typeof dag>(runtime);
    const [r1, r2] = await db.roots.insert({ values: [{ name: "r1" }, { name: "r2" }] });
    const [branch] = await db.branches.insert({ values: { name: "b1", rootId: r1!.id } });
    await db.leaves.insert({
      values: [
        { name: "direct", rootId: r1!.id },
        { name: "via branch only", rootId: r2!.id, branchId: branch!.id },
        { name: "untouched", rootId: r2!.id },
      ],
    });
    runtime.events.length = 0;
    await db.roots.delete({ where: { id: r1!.id } });
    const names = (t: string) =>
      runtime.events
        .filter((e) => e.table === t && e.kind === "delete")
        .flatMap((e) => e.before.map((r) => r.name))
        .sort();
    expect(names("roots")).toEqual(["r1"]);
    expect(names("branches")).toEqual(["b1"]);
    expect(names("leaves")).toEqual(["direct", "via branch only"]);
    const left = await env.DB.prepare(`SELECT name FROM leaves ORDER BY name`).all<{ name: string }>();
    expect(left.results.map((r) => r.name)).toEqual(["untouched"]);
  });
});
