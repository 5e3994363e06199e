import { applyD1Migrations, env } from "cloudflare:test";
import { schema as defineSchema, getSchemaModel, table, v } from "@appflare/schema";
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

  it("indexes every foreign key: a cascade or join never scans the referencing table", async () => {
    let fks = 0;
    for (const table of Object.values(model.tables)) {
      const list = await all<{ name: string }>(`PRAGMA index_list("${table.sqlName}")`);
      const leading = new Set<string>();
      for (const ix of list) {
        const [first] = await all<{ name: string }>(`PRAGMA index_info("${ix.name}")`);
        if (first) leading.add(first.name);
      }
      for (const column of Object.values(table.columns)) {
        if (column.index !== false) {
          const cols = await all<{ name: string }>(`PRAGMA index_info("${column.index}")`);
          expect(
            cols.map((c) => c.name),
            `index ${column.index}`,
          ).toEqual([column.sqlName]);
        }
        if (column.references === undefined) continue;
        expect(leading, `an index led by FK ${table.sqlName}.${column.sqlName}`).toContain(column.sqlName);
        fks++;
      }
    }
    expect(fks).toBeGreaterThan(5);
    // The planner uses them: deleting a project looks its tasks up by index.
    const plan = await all<{ detail: string }>(
      "EXPLAIN QUERY PLAN SELECT id FROM tasks WHERE project_id = 'p'",
    );
    expect(plan.map((row) => row.detail).join()).toMatch(/USING (COVERING )?INDEX/);
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
  const reject = /CHECK constraint failed: (\w+)/;
  const typeCases: [what: string, sql: string, constraint: string | null][] = [
    ["a known enum value", "UPDATE tasks SET priority = 'urgent'", null],
    ["an unknown enum value", "UPDATE tasks SET priority = 'whenever'", "tasks_priority_enum"],
    [
      "a reusable enum (defineEnum) too",
      "UPDATE projects SET default_priority = 'x'",
      "projects_default_priority_enum",
    ],
    ["a name at the length limit", `UPDATE projects SET name = '${"n".repeat(120)}'`, null],
    [
      "a name over the length limit",
      `UPDATE projects SET name = '${"n".repeat(121)}'`,
      "projects_name_length",
    ],
    ["an empty enum array", "UPDATE comments SET mentions = '[]'", null],
    [
      "members, spaced and repeated",
      `UPDATE comments SET mentions = '[ "everyone" , "assignee","everyone"]'`,
      null,
    ],
    [
      "a non-member element",
      `UPDATE comments SET mentions = '["assignee","nobody"]'`,
      "comments_mentions_enum",
    ],
    ["a prefix of a member", `UPDATE comments SET mentions = '["assign"]'`, "comments_mentions_enum"],
    ["two members glued", `UPDATE comments SET mentions = '["assigneewatchers"]'`, "comments_mentions_enum"],
    ["a number element", `UPDATE comments SET mentions = '["everyone",1]'`, "comments_mentions_enum"],
    ["a nested array", `UPDATE comments SET mentions = '[["everyone"]]'`, "comments_mentions_enum"],
    ["an object", `UPDATE comments SET mentions = '{"everyone":1}'`, "comments_mentions_enum"],
    ["a bare member string", `UPDATE comments SET mentions = '"everyone"'`, "comments_mentions_enum"],
    ["text that is not JSON", "UPDATE comments SET mentions = 'everyone'", "comments_mentions_enum"],
    ["a blob", "UPDATE comments SET mentions = X'5B5D'", "comments_mentions_enum"],
  ];

  it.each(typeCases)("types are enforced for raw SQL: %s", async (_what, statement, constraint) => {
    await env.DB.batch([
      env.DB.prepare(
        "INSERT OR IGNORE INTO users (id, name, email, created_at, updated_at) VALUES ('u-raw', 'Raw', 'raw@example.com', 0, 0)",
      ),
      env.DB.prepare(
        "INSERT OR IGNORE INTO projects (id, name, slug, created_at, owner_id) VALUES ('p-raw', 'Raw', 'raw', 0, 'u-raw')",
      ),
      env.DB.prepare(
        "INSERT OR IGNORE INTO tasks (id, title, created_at, project_id) VALUES (9001, 'Raw', 0, 'p-raw')",
      ),
      env.DB.prepare(
        "INSERT OR IGNORE INTO comments (id, body, created_at, task_id) VALUES ('c-raw', 'Raw', 0, 9001)",
      ),
    ]);
    const snapshot = () =>
      all(
        "SELECT (SELECT json_group_array(priority) FROM tasks) AS t, (SELECT json_group_array(name || default_priority) FROM projects) AS p, (SELECT json_group_array(mentions) FROM comments) AS c",
      );
    const before = await snapshot();
    const run = env.DB.prepare(statement).run();
    if (constraint === null) {
      await run;
      return;
    }
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(reject);
    expect(reject.exec(String(error))?.[1]).toBe(constraint);
    expect(await snapshot()).toEqual(before);
  });

  it("checks enum arrays whose members hold commas, quotes and brackets", async () => {
    // The check is built from JSON spellings; members that look like JSON syntax must not confuse it.
    const tricky = defineSchema({
      items: table({ id: v.int().primaryKey(), flags: v.enumArray(["a,b", 'q"x', "[c]", "d"]) }),
    });
    const check = tricky.model.tables.items?.checks.find((c) => c.name === "items_flags_enum");
    expect(check).toBeDefined();
    await env.DB.prepare(
      `CREATE TABLE tricky_flags (id INTEGER PRIMARY KEY, flags TEXT, CONSTRAINT items_flags_enum CHECK (${check?.sql}))`,
    ).run();
    const cases: [unknown, boolean][] = [
      [["a,b", 'q"x', "[c]", "d", "d"], true],
      [[], true],
      [null, true],
      [["a", "b"], false],
      [["a,b,d"], false],
      [["[c]", ["d"]], false],
      [['q"x"'], false],
      [["d", { d: "d" }], false],
    ];
    for (const [i, [value, ok]] of cases.entries()) {
      const insert = env.DB.prepare("INSERT INTO tricky_flags (id, flags) VALUES (?, ?)")
        .bind(i, value === null ? null : JSON.stringify(value))
        .run();
      if (ok) await insert;
      else
        await expect(insert, JSON.stringify(value)).rejects.toThrow(
          /CHECK constraint failed: items_flags_enum/,
        );
    }
    const stored = await all<{ n: number }>("SELECT count(*) AS n FROM tricky_flags");
    expect(stored[0]?.n).toBe(cases.filter(([, ok]) => ok).length);
  });
});
