import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "../errors/CliError";
import { emptySnapshot, type SqliteSnapshot } from "./SqliteSnapshot";

/** One entry of drizzle-kit's `migrations/meta/_journal.json`. */
export interface JournalEntry {
  readonly idx: number;
  readonly version: string;
  readonly when: number;
  readonly tag: string;
  readonly breakpoints: boolean;
}

interface Journal {
  readonly version: string;
  readonly dialect: string;
  readonly entries: readonly JournalEntry[];
}

/** drizzle-kit's separator between statements of one migration file. */
export const STATEMENT_BREAKPOINT = "--> statement-breakpoint";

/** A migration about to be written: its statements and the snapshot of the schema after it. */
export interface NewMigration {
  readonly name: string;
  readonly statements: readonly string[];
  readonly snapshot: SqliteSnapshot;
}

/** What {@link MigrationFolder.write} wrote, so it can be taken back. */
export interface WrittenMigration {
  readonly tag: string;
  readonly sqlFile: string;
  /** Restores `migrations/` exactly as it was before the write. */
  undo(): void;
}

const pad = (idx: number) => String(idx).padStart(4, "0");

/**
 * `migrations/` in drizzle-kit's layout (`NNNN_name.sql`, `meta/NNNN_snapshot.json`,
 * `meta/_journal.json`), so the folder stays usable with drizzle-kit itself and with
 * `wrangler d1 migrations apply`.
 *
 * @example
 * const folder = new MigrationFolder("/app/migrations");
 * const prev = folder.latestSnapshot();
 */
export class MigrationFolder {
  constructor(readonly dir: string) {}

  private get journalFile(): string {
    return join(this.dir, "meta", "_journal.json");
  }

  private readJournal(): Journal | undefined {
    if (!existsSync(this.journalFile)) return undefined;
    try {
      return JSON.parse(readFileSync(this.journalFile, "utf8")) as Journal;
    } catch (error) {
      throw new CliError(`Cannot read the migrations journal: ${(error as Error).message}`, {
        file: this.journalFile,
      });
    }
  }

  /** Journal entries, oldest first. */
  entries(): readonly JournalEntry[] {
    return this.readJournal()?.entries ?? [];
  }

  /** `.sql` files in the folder, in the order wrangler applies them. */
  sqlFiles(): string[] {
    return existsSync(this.dir)
      ? readdirSync(this.dir)
          .filter((f) => f.endsWith(".sql"))
          .sort()
      : [];
  }

  /** The schema as of the last migration (an empty database when there is none). */
  latestSnapshot(): SqliteSnapshot {
    const last = this.entries().at(-1);
    if (!last) {
      if (this.sqlFiles().length > 0) {
        throw new CliError(
          "migrations/ has SQL files but no meta/_journal.json, so the schema they create is unknown. Restore meta/ from version control, or move the folder away to start over.",
          { file: this.dir },
        );
      }
      return emptySnapshot();
    }
    const file = join(this.dir, "meta", `${pad(last.idx)}_snapshot.json`);
    if (!existsSync(file)) {
      throw new CliError(
        `The snapshot of migration ${last.tag} is missing: restore it from version control`,
        {
          file,
        },
      );
    }
    return JSON.parse(readFileSync(file, "utf8")) as SqliteSnapshot;
  }

  /** Writes the SQL, snapshot and journal entry of the next migration. */
  write(migration: NewMigration): WrittenMigration {
    const journalBefore = existsSync(this.journalFile) ? readFileSync(this.journalFile, "utf8") : undefined;
    const dirExisted = existsSync(this.dir);
    const entries = this.entries();
    const idx = (entries.at(-1)?.idx ?? -1) + 1;
    const tag = `${pad(idx)}_${migration.name}`;
    const sqlFile = join(this.dir, `${tag}.sql`);
    const snapshotFile = join(this.dir, "meta", `${pad(idx)}_snapshot.json`);
    const created: string[] = [];
    const undo = () => {
      for (const file of created) rmSync(file, { force: true });
      if (journalBefore === undefined) rmSync(this.journalFile, { force: true });
      else writeFileSync(this.journalFile, journalBefore);
      if (!dirExisted) rmSync(this.dir, { recursive: true, force: true });
    };
    try {
      mkdirSync(join(this.dir, "meta"), { recursive: true });
      created.push(sqlFile);
      writeFileSync(sqlFile, `${migration.statements.join(`\n${STATEMENT_BREAKPOINT}\n`)}\n`);
      created.push(snapshotFile);
      writeFileSync(snapshotFile, `${JSON.stringify(migration.snapshot, null, 2)}\n`);
      const entry: JournalEntry = { idx, version: "6", when: Date.now(), tag, breakpoints: true };
      const journal: Journal = { version: "7", dialect: "sqlite", entries: [...entries, entry] };
      writeFileSync(this.journalFile, `${JSON.stringify(journal, null, 2)}\n`);
    } catch (error) {
      undo();
      throw error;
    }
    return { tag, sqlFile, undo };
  }
}
