import { diffNames } from "./diffNames";
import { renameInSnapshot, renameStatements, withoutNames } from "./renameInSnapshot";
import { type RenameInputs, resolveColumnRenames, resolveTableRenames } from "./resolveRenames";
import type { SqliteSnapshot } from "./SqliteSnapshot";

/** drizzle-kit's snapshot differ (`drizzle-kit/api`'s `generateSQLiteMigration`). */
export type SnapshotDiffer = (prev: SqliteSnapshot, cur: SqliteSnapshot) => Promise<string[]>;

/** The next migration, before it is checked or kept. */
export interface MigrationPlan {
  /** SQL statements, renames first. Empty: the schema did not change. */
  readonly statements: readonly string[];
  /** The current schema's snapshot, with this migration's renames recorded as drizzle-kit does. */
  readonly snapshot: SqliteSnapshot;
  readonly tableRenames: ReadonlyMap<string, string>;
  readonly columnRenames: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Tables dropped (names before the migration). */
  readonly droppedTables: readonly string[];
  /** Columns dropped, per table (table name after the migration). */
  readonly droppedColumns: ReadonlyMap<string, readonly string[]>;
  /** Tables SQLite rebuilds (create `__new_x`, copy, drop, rename) to change constraints or types. */
  readonly recreatedTables: readonly string[];
}

const RECREATE = /^CREATE TABLE `__new_([^`]+)`/;

/**
 * Plans the migration from `prev` to `cur`: renames are settled first (flags, then a prompt with a
 * terminal, else an error naming the `--rename` that answers it) and applied to `prev`, so drizzle-kit
 * is left with no question to ask. A drop next to an add that is not a rename is diffed in two steps
 * (drops, then adds) for the same reason. What the plan drops or rebuilds is listed for the checks.
 *
 * @example
 * const plan = await planMigration(prev, cur, generateSQLiteMigration, { table: [], column: [["books", "author", "writer"]], allowDataLoss: false });
 */
export async function planMigration(
  prev: SqliteSnapshot,
  cur: SqliteSnapshot,
  differ: SnapshotDiffer,
  inputs: RenameInputs,
): Promise<MigrationPlan> {
  const tableRenames = await resolveTableRenames(diffNames(prev, cur), inputs);
  const prevTables = renameInSnapshot(prev, tableRenames, new Map());
  const columnRenames = await resolveColumnRenames(diffNames(prevTables, cur).columns, tableRenames, inputs);
  const renamed = renameInSnapshot(prevTables, new Map(), columnRenames);
  const left = diffNames(renamed, cur);
  const droppedColumns = new Map(
    left.columns.filter((c) => c.deleted.length > 0).map((c) => [c.table, c.deleted] as const),
  );
  const ambiguous =
    (left.tables.deleted.length > 0 && left.tables.created.length > 0) ||
    left.columns.some((c) => c.deleted.length > 0 && c.created.length > 0);
  let diff: string[];
  if (ambiguous) {
    const middle = withoutNames(renamed, left.tables.deleted, droppedColumns);
    diff = [...(await differ(renamed, middle)), ...(await differ(middle, cur))];
  } else {
    diff = await differ(renamed, cur);
  }
  const statements = [...renameStatements(tableRenames, columnRenames), ...diff];
  const recreatedTables = diff.flatMap((s) => RECREATE.exec(s)?.[1] ?? []);
  const q = (name: string) => `"${name}"`;
  const snapshot: SqliteSnapshot = {
    ...cur,
    _meta: {
      tables: Object.fromEntries([...tableRenames].map(([from, to]) => [q(from), q(to)])),
      columns: Object.fromEntries(
        [...columnRenames].flatMap(([t, renames]) =>
          [...renames].map(([from, to]) => [`${q(t)}.${q(from)}`, `${q(t)}.${q(to)}`]),
        ),
      ),
    },
  };
  return {
    statements,
    snapshot,
    tableRenames,
    columnRenames,
    droppedTables: left.tables.deleted,
    droppedColumns,
    recreatedTables: [...new Set(recreatedTables)],
  };
}

/**
 * A file name for the migration: `init` first, then the tables it touches (`books_authors`).
 *
 * @example
 * migrationName(plan, 3); // "books"
 */
export function migrationName(plan: MigrationPlan, idx: number): string {
  if (idx === 0) return "init";
  const touched = new Set<string>();
  for (const s of plan.statements) {
    const name =
      /^(?:ALTER TABLE|CREATE TABLE|DROP TABLE|CREATE (?:UNIQUE )?INDEX `[^`]+` ON) `(?:__new_)?([^`]+)`/.exec(
        s,
      )?.[1];
    if (name) touched.add(name);
  }
  const name = [...touched]
    .join("_")
    .replace(/[^\w]+/g, "_")
    .slice(0, 40)
    .replace(/_+$/, "");
  return name || "schema";
}
