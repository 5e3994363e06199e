import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyFixture } from "./support/copyFixture";
import { d1Query } from "./support/d1Query";
import { runCliProcess } from "./support/runCliProcess";

/**
 * One app, evolved step by step like a user would over days: each step edits the schema, runs
 * `appflare migrate` (real drizzle-kit API, Miniflare scratch copy, wrangler apply) and checks the rows
 * of the local D1 before and after. No TTY here, so nothing may be asked: it must be flags or errors.
 */
// Each step runs the CLI two or three times and wrangler a few more, serially: under load one step can
// take minutes, and a step cut by a timeout leaves the next steps on the wrong schema, so the limits are
// per-step and far above a normal run (about 30 s a step).
describe("appflare migrate on a database with rows (schema evolutions)", { timeout: 900_000 }, () => {
  let dir = "";
  const migrate = (...args: string[]) => runCliProcess(["migrate", ...args], dir);

  const setSchema = (books: string, shelfTable = "shelves") =>
    writeFileSync(
      join(dir, "db", "schema.ts"),
      `import { schema, table, v } from "@appflare/schema";

export const appSchema = schema({
  notes: table({ id: v.uuid(), text: v.string().notNull() }),
  ${shelfTable}: table({ id: v.uuid(), label: v.string().notNull() }),
  books: table({
    id: v.uuid(),
${books}
  }),
});
`,
    );

  /** Every file of migrations/ with its content: a refusal must leave it exactly as it was. */
  const migrationsDir = () => {
    const root = join(dir, "migrations");
    const files: Record<string, string> = {};
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else files[relative(root, path)] = readFileSync(path, "utf8");
      }
    };
    walk(root);
    return files;
  };
  const sqlFiles = () => Object.keys(migrationsDir()).filter((f) => f.endsWith(".sql"));
  const lastSql = () => {
    const files = sqlFiles().sort();
    return readFileSync(join(dir, "migrations", files[files.length - 1] ?? ""), "utf8");
  };
  const counts = (shelfTable = "shelves") =>
    d1Query<{ books: number; shelves: number }>(
      dir,
      `SELECT (SELECT count(*) FROM books) AS books, (SELECT count(*) FROM ${shelfTable}) AS shelves`,
    )[0];

  beforeAll(() => {
    dir = copyFixture("minimal");
    setSchema("    title: v.string().notNull(),\n    author: v.string(),");
    const init = migrate();
    expect(init.code, init.stderr).toBe(0);
    d1Query(
      dir,
      "INSERT INTO books (id, title, author) VALUES ('b1', 'Dune', 'Herbert'), ('b2', 'Emma', NULL), ('b3', 'Ulysses', 'Joyce'); " +
        "INSERT INTO shelves (id, label) VALUES ('s1', 'fiction'), ('s2', 'classics');",
    );
    expect(counts()).toEqual({ books: 3, shelves: 2 });
  }, 900_000);

  it("a column rename without a TTY is refused, naming the candidates and the flag; nothing is written", () => {
    const before = migrationsDir();
    setSchema("    title: v.string().notNull(),\n    writer: v.string(),");
    const run = migrate();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("column `books.author` is gone and `books.writer` is new");
    expect(run.stderr).toContain("appflare migrate --rename books.author=writer");
    expect(run.stderr).toContain("--allow-data-loss");
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/no schema changes/);
    expect(migrationsDir()).toEqual(before);
  });

  it("--rename table.old=new renames the column in place and keeps every value", () => {
    const run = migrate("--rename", "books.author=writer");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("renames    column books.author → writer");
    expect(lastSql()).toBe("ALTER TABLE `books` RENAME COLUMN `author` TO `writer`;\n");
    expect(d1Query(dir, "SELECT id, writer FROM books ORDER BY id")).toEqual([
      { id: "b1", writer: "Herbert" },
      { id: "b2", writer: null },
      { id: "b3", writer: "Joyce" },
    ]);
  });

  it("a table rename: refused without the flag, kept with --rename old=new (rows kept)", () => {
    const before = migrationsDir();
    setSchema("    title: v.string().notNull(),\n    writer: v.string(),", "racks");
    const refused = migrate();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("table `shelves` is gone and `racks` is new");
    expect(refused.stderr).toContain("--rename shelves=racks");
    expect(migrationsDir()).toEqual(before);
    const run = migrate("--rename", "shelves=racks");
    expect(run.code, run.stderr).toBe(0);
    expect(lastSql()).toBe("ALTER TABLE `shelves` RENAME TO `racks`;\n");
    expect(counts("racks")).toEqual({ books: 3, shelves: 2 });
  });

  it("a NOT NULL column without a default is refused with the field and the fix; migrations/ unchanged", () => {
    const before = migrationsDir();
    setSchema(
      "    title: v.string().notNull(),\n    writer: v.string(),\n    pages: v.int().notNull(),",
      "racks",
    );
    const run = migrate();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/db\/schema\.ts:10/);
    expect(run.stderr).toContain("new column `books.pages` is NOT NULL without a default");
    expect(run.stderr).toContain("table `books` has 3 rows: add `.default(…)`");
    expect(migrationsDir()).toEqual(before);
    expect(counts("racks")).toEqual({ books: 3, shelves: 2 });
  });

  it("the same column with a default is added; existing rows get it", () => {
    setSchema(
      "    title: v.string().notNull(),\n    writer: v.string(),\n    pages: v.int().notNull().default(0),",
      "racks",
    );
    const run = migrate();
    expect(run.code, run.stderr).toBe(0);
    expect(lastSql()).toBe("ALTER TABLE `books` ADD `pages` integer DEFAULT 0 NOT NULL;\n");
    expect(d1Query(dir, "SELECT count(*) AS n FROM books WHERE pages = 0")).toEqual([{ n: 3 }]);
  });

  it("dropping a column is refused with what it holds, then allowed with --allow-data-loss", () => {
    const before = migrationsDir();
    setSchema("    title: v.string().notNull(),\n    pages: v.int().notNull().default(0),", "racks");
    const refused = migrate();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("drops column `books.writer` (2 rows with a value, of 3 rows)");
    expect(refused.stderr).toContain("--allow-data-loss");
    expect(migrationsDir()).toEqual(before);
    expect(d1Query(dir, "SELECT count(writer) AS n FROM books")).toEqual([{ n: 2 }]);

    const run = migrate("--allow-data-loss");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("allowed    drops column `books.writer`");
    expect(lastSql()).toBe("ALTER TABLE `books` DROP COLUMN `writer`;\n");
    expect(counts("racks")).toEqual({ books: 3, shelves: 2 });
  });

  it("a constraint change rebuilds the table (copy, then swap) only when allowed, keeping every row", () => {
    const before = migrationsDir();
    // NOT NULL → nullable: SQLite cannot alter a column's constraint, so the table is rebuilt.
    setSchema("    title: v.string(),\n    pages: v.int().notNull().default(0),", "racks");
    const refused = migrate();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("rebuilds table `books` to change a constraint or type (3 rows copied");
    expect(migrationsDir()).toEqual(before);

    const run = migrate("--allow-data-loss");
    expect(run.code, run.stderr).toBe(0);
    const sql = lastSql();
    expect(sql).toContain("CREATE TABLE `__new_books`");
    expect(sql).toContain(
      'INSERT INTO `__new_books`("id", "title", "pages") SELECT "id", "title", "pages" FROM `books`;',
    );
    expect(d1Query(dir, "SELECT id, title FROM books ORDER BY id")).toEqual([
      { id: "b1", title: "Dune" },
      { id: "b2", title: "Emma" },
      { id: "b3", title: "Ulysses" },
    ]);
  });

  it("when wrangler then fails (remote, no credentials), the new migration is taken back out", () => {
    const before = migrationsDir();
    setSchema(
      "    title: v.string(),\n    pages: v.int().notNull().default(0),\n    isbn: v.string(),",
      "racks",
    );
    const run = runCliProcess(["migrate", "--remote"], dir, {
      CLOUDFLARE_API_TOKEN: "",
      CLOUDFLARE_ACCOUNT_ID: "",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /wrangler d1 migrations apply failed: \d{4}_books\.sql was taken back out of migrations\//,
    );
    expect(migrationsDir()).toEqual(before);
  });
});
