import { generateSQLiteDrizzleJson, generateSQLiteMigration } from "drizzle-kit/api";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { CliError } from "../errors/CliError";
import { planMigration } from "./planMigration";
import type { RenameInputs } from "./resolveRenames";
import type { SqliteSnapshot } from "./SqliteSnapshot";

// The real drizzle-kit differ on real drizzle tables: only the database is left out (see test/migrate.test.ts).
const snapshot = async (tables: Record<string, unknown>) =>
  (await generateSQLiteDrizzleJson(tables)) as unknown as SqliteSnapshot;
const differ = (prev: SqliteSnapshot, cur: SqliteSnapshot) =>
  generateSQLiteMigration(prev as never, cur as never);
const inputs = (over: Partial<RenameInputs> = {}): RenameInputs => ({
  table: [],
  column: [],
  allowDataLoss: false,
  ...over,
});

const authors = sqliteTable("authors", { id: text("id").primaryKey(), name: text("name") });
const books = sqliteTable("books", {
  id: text("id").primaryKey(),
  author: text("author"),
  authorId: text("author_id").references(() => authors.id),
});

describe("planMigration (renames settled before drizzle-kit diffs)", () => {
  it("refuses an ambiguous column change without a TTY, naming the candidates and the flag", async () => {
    const renamed = sqliteTable("books", {
      id: text("id").primaryKey(),
      writer: text("writer"),
      authorId: text("author_id").references(() => authors.id),
    });
    const plan = planMigration(
      await snapshot({ authors, books }),
      await snapshot({ authors, renamed }),
      differ,
      inputs(),
    );
    await expect(plan).rejects.toThrow(CliError);
    await expect(plan).rejects.toThrow(
      /`books\.author` is gone and `books\.writer` is new.*--rename books\.author=writer/,
    );
  });

  it("asks on a terminal when there is one, and uses the answer", async () => {
    const renamed = sqliteTable("books", {
      id: text("id").primaryKey(),
      writer: text("writer"),
      authorId: text("author_id").references(() => authors.id),
    });
    const questions: string[] = [];
    const plan = await planMigration(
      await snapshot({ authors, books }),
      await snapshot({ authors, renamed }),
      differ,
      inputs({
        ask: async (question, choices) => {
          questions.push(question, ...choices);
          return 1;
        },
      }),
    );
    expect(questions).toEqual([
      "column `books.writer` is new. Is it a rename?",
      "no: create `writer` (and drop what is gone)",
      "yes: rename `author` → `writer` (keeps its data)",
    ]);
    expect(plan.statements).toEqual(["ALTER TABLE `books` RENAME COLUMN `author` TO `writer`;"]);
    expect(plan.droppedColumns.size).toBe(0);
  });

  it("a table rename keeps foreign keys pointing at it, with no rebuild of the referencing table", async () => {
    const writers = sqliteTable("writers", { id: text("id").primaryKey(), name: text("name") });
    const books2 = sqliteTable("books", {
      id: text("id").primaryKey(),
      author: text("author"),
      authorId: text("author_id").references(() => writers.id),
    });
    const plan = await planMigration(
      await snapshot({ authors, books }),
      await snapshot({ writers, books: books2 }),
      differ,
      inputs({ table: [["authors", "writers"]] }),
    );
    expect(plan.statements).toEqual(["ALTER TABLE `authors` RENAME TO `writers`;"]);
    expect(plan.recreatedTables).toEqual([]);
    expect(plan.snapshot._meta.tables).toEqual({ '"authors"': '"writers"' });
  });

  it("with --allow-data-loss, a drop next to an add is a drop and an add (two diffs, no prompt)", async () => {
    const changed = sqliteTable("books", {
      id: text("id").primaryKey(),
      pages: integer("pages"),
      authorId: text("author_id").references(() => authors.id),
    });
    const plan = await planMigration(
      await snapshot({ authors, books }),
      await snapshot({ authors, changed }),
      differ,
      inputs({ allowDataLoss: true }),
    );
    expect(plan.statements).toEqual([
      "ALTER TABLE `books` DROP COLUMN `author`;",
      "ALTER TABLE `books` ADD `pages` integer;",
    ]);
    expect([...plan.droppedColumns]).toEqual([["books", ["author"]]]);
  });

  it("a --rename that is not a change of this schema is an error naming what is gone and new", async () => {
    const plan = planMigration(
      await snapshot({ authors, books }),
      await snapshot({ authors, books }),
      differ,
      inputs({ column: [["books", "author", "writer"]] }),
    );
    await expect(plan).rejects.toThrow(
      /--rename books\.author=writer: table `books` has no gone or new column/,
    );
  });

  it("lists dropped tables and table rebuilds", async () => {
    const strict = sqliteTable("books", {
      id: text("id").primaryKey(),
      author: text("author").notNull(),
      authorId: text("author_id"),
    });
    const plan = await planMigration(
      await snapshot({ authors, books }),
      await snapshot({ books: strict }),
      differ,
      inputs(),
    );
    expect(plan.droppedTables).toEqual(["authors"]);
    expect(plan.recreatedTables).toEqual(["books"]);
  });
});
