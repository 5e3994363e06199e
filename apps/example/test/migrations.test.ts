import { applyD1Migrations, env } from "cloudflare:test";
import { getSchemaModel } from "@appflare/schema";
import { beforeAll, describe, expect, it } from "vitest";
import schema from "../schema";

// The migrations applied here are written by the real `drizzle-kit generate` over the compiled example
// schema (see vitest.config.ts); this file checks that D1 inside workerd accepts them and that every
// constraint the schema declares exists in the database.
const model = getSchemaModel(schema);

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

async function all<T>(query: string): Promise<T[]> {
  return (await env.DB.prepare(query).all<T>()).results;
}

let master: MasterRow[] = [];

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  master = await all<MasterRow>("SELECT type, name, tbl_name, sql FROM sqlite_master");
});

describe("drizzle-kit migrations of the example schema on D1", () => {
  it("creates every table of the model: app, auth and junction tables", () => {
    const created = new Set(master.filter((r) => r.type === "table").map((r) => r.name));
    for (const table of Object.values(model.tables)) expect(created, table.sqlName).toContain(table.sqlName);
    const origins = new Set(Object.values(model.tables).map((t) => t.origin));
    expect(origins).toEqual(new Set(["user", "auth", "junction"]));
  });

  it("creates every column with its NOT NULL and primary-key flags", async () => {
    for (const table of Object.values(model.tables)) {
      const cols = await all<{ name: string; notnull: number; pk: number }>(
        `PRAGMA table_info("${table.sqlName}")`,
      );
      const byName = new Map(cols.map((c) => [c.name, c]));
      for (const column of Object.values(table.columns)) {
        const info = byName.get(column.sqlName);
        expect(info, `${table.sqlName}.${column.sqlName}`).toBeDefined();
        if (column.primaryKey) expect(info?.pk, `${table.sqlName}.${column.sqlName} pk`).toBeGreaterThan(0);
        else expect(info?.notnull === 1, `${table.sqlName}.${column.sqlName} not null`).toBe(column.notNull);
      }
    }
  });

  it("creates every foreign key with its actions", async () => {
    let checked = 0;
    for (const table of Object.values(model.tables)) {
      const fks = await all<{ table: string; from: string; to: string; on_delete: string }>(
        `PRAGMA foreign_key_list("${table.sqlName}")`,
      );
      for (const column of Object.values(table.columns)) {
        if (!column.references) continue;
        const target = model.tables[column.references.table];
        const targetColumn = target?.columns[column.references.column];
        const fk = fks.find((f) => f.from === column.sqlName);
        expect(fk, `FK ${table.sqlName}.${column.sqlName}`).toBeDefined();
        expect(fk?.table).toBe(target?.sqlName);
        expect(fk?.to).toBe(targetColumn?.sqlName);
        if (column.references.onDelete) expect(fk?.on_delete.toLowerCase()).toBe(column.references.onDelete);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("creates unique constraints, indexes and checks", async () => {
    const indexSql = master.filter((r) => r.type === "index");
    let uniques = 0;
    let indexes = 0;
    for (const table of Object.values(model.tables)) {
      const list = await all<{ name: string; unique: number }>(`PRAGMA index_list("${table.sqlName}")`);
      const columnsOf = async (index: string) =>
        (await all<{ name: string }>(`PRAGMA index_info("${index}")`)).map((c) => c.name).sort();
      for (const column of Object.values(table.columns)) {
        if (column.unique === false || column.primaryKey) continue;
        let found = false;
        for (const ix of list.filter((l) => l.unique === 1)) {
          if ((await columnsOf(ix.name)).join() === column.sqlName) found = true;
        }
        expect(found, `unique ${table.sqlName}.${column.sqlName}`).toBe(true);
        uniques++;
      }
      for (const ix of table.indexes) {
        const sqlCols = ix.columns.map((c) => table.columns[c]?.sqlName ?? c).sort();
        const match = indexSql.find((r) => r.name === ix.name && r.tbl_name === table.sqlName);
        expect(match, `index ${ix.name} on ${table.sqlName}`).toBeDefined();
        expect(await columnsOf(ix.name)).toEqual(sqlCols);
        indexes++;
      }
      const tableSql = master.find((r) => r.type === "table" && r.name === table.sqlName)?.sql ?? "";
      for (const check of table.checks) expect(tableSql, `check ${check.name}`).toContain(check.name);
    }
    expect(uniques).toBeGreaterThan(0);
    expect(indexes).toBeGreaterThan(0);
    expect(Object.values(model.tables).some((t) => t.checks.length > 0)).toBe(true);
  });

  it("enforces the constraints: CHECK, FOREIGN KEY, UNIQUE and cascades reject or follow writes", async () => {
    const count = async (t: string) =>
      (await all<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0]?.n ?? -1;
    await env.DB.prepare(
      "INSERT INTO users (id, name, email, created_at, updated_at) VALUES ('u1', 'Ada', 'ada@example.com', 0, 0)",
    ).run();
    const project = (id: string, slug: string, budget: number, owner = "u1") =>
      env.DB.prepare(
        "INSERT INTO projects (id, name, slug, budget, created_at, owner_id) VALUES (?, 'P', ?, ?, 0, ?)",
      )
        .bind(id, slug, budget, owner)
        .run();
    await project("p1", "one", 10);
    const before = await count("projects");
    await expect(project("p2", "two", -1)).rejects.toThrow(
      /CHECK constraint failed: projects_budget_non_negative/,
    );
    await expect(project("p3", "one", 1)).rejects.toThrow(/UNIQUE constraint failed: projects.slug/);
    await expect(project("p4", "four", 1, "nobody")).rejects.toThrow(/FOREIGN KEY constraint failed/);
    expect(await count("projects")).toBe(before);

    await env.DB.prepare("INSERT INTO tasks (title, created_at, project_id) VALUES ('t', 0, 'p1')").run();
    expect(await count("tasks")).toBe(1);
    await env.DB.prepare("DELETE FROM users WHERE id = 'u1'").run();
    // users → projects → tasks cascade
    expect(await count("projects")).toBe(0);
    expect(await count("tasks")).toBe(0);
  });
});
