import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CliError } from "../errors/CliError";
import { findPackageDir } from "../tools/findPackageDir";
import { STATEMENT_BREAKPOINT } from "./MigrationFolder";

/** The slice of Miniflare's D1 binding used here. */
interface D1Like {
  prepare(sql: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<unknown>;
  exec(sql: string): Promise<unknown>;
}
interface D1StatementLike {
  all<T>(): Promise<{ results: T[] }>;
}
interface MiniflareLike {
  getD1Database(binding: string): Promise<D1Like>;
  dispose(): Promise<void>;
}
type MiniflareClass = new (options: Record<string, unknown>) => MiniflareLike;

/** The D1 database as wrangler finds it locally: its binding, id, state folder and migrations table. */
export interface LocalDatabase {
  readonly binding: string;
  /** `preview_database_id ?? database_id ?? binding`, the id wrangler names the local file after. */
  readonly id: string;
  /** `<wrangler.json folder>/.wrangler/state`. */
  readonly stateDir: string;
  readonly migrationsTable: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Splits a migration file as applied: drizzle-kit's breakpoints, or the whole file when it has none. */
export function migrationStatements(sql: string): string[] {
  return sql
    .split(STATEMENT_BREAKPOINT)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A throwaway copy of the local D1 database (wrangler's `.wrangler/state/v3/d1`), opened with the same
 * Miniflare wrangler uses for `d1 execute --local`: migrations are tried here before they are kept,
 * and row counts come from here, while the real local database is left alone.
 *
 * @example
 * const scratch = await ScratchDatabase.open(db, "/app/node_modules/.cache/appflare", "/app");
 * try { await scratch.apply(statements); } finally { await scratch.dispose(); }
 */
export class ScratchDatabase {
  private constructor(
    private readonly mf: MiniflareLike,
    private readonly db: D1Like,
    private readonly dir: string,
    private readonly migrationsTable: string,
    /** `false`: no local database yet, the scratch copy starts empty. */
    readonly copiedExisting: boolean,
  ) {}

  static async open(local: LocalDatabase, cacheDir: string, root: string): Promise<ScratchDatabase> {
    const wranglerDir = findPackageDir(root, "wrangler");
    if (!wranglerDir) throw new CliError("wrangler is not installed: npm install --save-dev wrangler");
    const miniflareEntry = createRequire(join(wranglerDir, "package.json")).resolve("miniflare");
    const { Miniflare } = (await import(pathToFileURL(miniflareEntry).href)) as { Miniflare: MiniflareClass };
    mkdirSync(cacheDir, { recursive: true });
    const dir = mkdtempSync(join(cacheDir, "scratch-d1-"));
    const source = join(local.stateDir, "v3", "d1");
    const copied = existsSync(source);
    try {
      if (copied) cpSync(source, join(dir, "v3", "d1"), { recursive: true });
      const mf = new Miniflare({
        modules: true,
        script: "",
        d1Persist: join(dir, "v3", "d1"),
        d1Databases: { DATABASE: local.id },
      });
      const db = await mf.getD1Database("DATABASE");
      return new ScratchDatabase(mf, db, dir, local.migrationsTable, copied);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The app's tables (not SQLite's, Cloudflare's or the migrations table). */
  async tables(): Promise<string[]> {
    const { results } = await this.db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != '${this.migrationsTable}'`,
      )
      .all<{ name: string }>();
    return results.map((r) => r.name);
  }

  /** Rows of each table that exists. */
  async rowCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const table of await this.tables()) {
      const { results } = await this.db
        .prepare(`SELECT count(*) AS n FROM ${quote(table)}`)
        .all<{ n: number }>();
      counts.set(table, results[0]?.n ?? 0);
    }
    return counts;
  }

  /** Rows where `column` holds a value (what dropping it loses). */
  async valueCount(table: string, column: string): Promise<number> {
    const { results } = await this.db
      .prepare(`SELECT count(${quote(column)}) AS n FROM ${quote(table)}`)
      .all<{ n: number }>();
    return results[0]?.n ?? 0;
  }

  /** Migration files already applied here (wrangler's migrations table). */
  async appliedMigrations(): Promise<Set<string>> {
    const exists = await this.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${this.migrationsTable}'`)
      .all();
    if (exists.results.length === 0) return new Set();
    const { results } = await this.db
      .prepare(`SELECT name FROM ${quote(this.migrationsTable)}`)
      .all<{ name: string }>();
    return new Set(results.map((r) => r.name));
  }

  /** Applies a migration file's statements as one batch (atomic, as wrangler applies it). */
  async apply(statements: readonly string[]): Promise<void> {
    if (statements.length === 0) return;
    await this.db.batch(statements.map((s) => this.db.prepare(s)));
  }

  /** Applies a migration file already in `migrations/` (pending locally). */
  async applyFile(file: string): Promise<void> {
    const sql = readFileSync(file, "utf8");
    if (sql.includes(STATEMENT_BREAKPOINT)) await this.apply(migrationStatements(sql));
    else await this.db.exec(sql);
  }

  async dispose(): Promise<void> {
    try {
      await this.mf.dispose();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** D1's error text without its `D1_ERROR:` / `: SQLITE_ERROR` wrapping. */
export function d1ErrorMessage(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return message
    .replace(/^D1_ERROR:\s*/, "")
    .replace(/(:\s*SQLITE_\w+)+$/, "")
    .trim();
}
