/**
 * The parts of drizzle-kit's SQLite snapshot (`migrations/meta/NNNN_snapshot.json`, version 6) that
 * `appflare migrate` reads and rewrites. Other keys are kept as they are.
 */
export interface SnapshotColumn {
  readonly name: string;
  readonly type: string;
  readonly primaryKey: boolean;
  readonly notNull: boolean;
  readonly default?: unknown;
  readonly [key: string]: unknown;
}

/** An index or a unique constraint: a name over columns. */
export interface SnapshotColumnSet {
  readonly name: string;
  readonly columns: readonly string[];
  readonly [key: string]: unknown;
}

export interface SnapshotForeignKey {
  readonly name: string;
  readonly tableFrom: string;
  readonly columnsFrom: readonly string[];
  readonly tableTo: string;
  readonly columnsTo: readonly string[];
  readonly [key: string]: unknown;
}

export interface SnapshotTable {
  readonly name: string;
  readonly columns: Readonly<Record<string, SnapshotColumn>>;
  readonly indexes: Readonly<Record<string, SnapshotColumnSet>>;
  readonly foreignKeys: Readonly<Record<string, SnapshotForeignKey>>;
  readonly compositePrimaryKeys: Readonly<Record<string, SnapshotColumnSet>>;
  readonly uniqueConstraints: Readonly<Record<string, SnapshotColumnSet>>;
  readonly [key: string]: unknown;
}

export interface SqliteSnapshot {
  readonly version: string;
  readonly dialect: string;
  readonly id: string;
  readonly prevId: string;
  readonly tables: Readonly<Record<string, SnapshotTable>>;
  /** drizzle-kit records the renames a migration made here (`"books"."author"` → `"books"."writer"`). */
  readonly _meta: {
    readonly tables: Readonly<Record<string, string>>;
    readonly columns: Readonly<Record<string, string>>;
  };
  readonly [key: string]: unknown;
}

/** drizzle-kit's id for "no previous snapshot". */
export const ORIGIN_ID = "00000000-0000-0000-0000-000000000000";

/**
 * The snapshot of an empty database: what the first migration is diffed against.
 *
 * @example
 * const prev = emptySnapshot();
 */
export function emptySnapshot(): SqliteSnapshot {
  return {
    version: "6",
    dialect: "sqlite",
    id: ORIGIN_ID,
    prevId: ORIGIN_ID,
    tables: {},
    views: {},
    enums: {},
    _meta: { tables: {}, columns: {} },
    internal: { indexes: {} },
  };
}
