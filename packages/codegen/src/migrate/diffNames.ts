import type { SqliteSnapshot } from "./SqliteSnapshot";

/** Columns gone from and new in one table that exists before and after. */
export interface ColumnNameChanges {
  readonly table: string;
  readonly deleted: readonly string[];
  readonly created: readonly string[];
}

/** Tables and columns that are only in the previous or only in the current schema. */
export interface NameChanges {
  readonly tables: { readonly deleted: readonly string[]; readonly created: readonly string[] };
  readonly columns: readonly ColumnNameChanges[];
}

/**
 * Which tables and columns disappear and appear between two snapshots. A disappearance next to an
 * appearance may be a rename: drizzle-kit cannot tell and asks, which is what this settles first.
 *
 * @example
 * diffNames(prev, cur); // { tables: { deleted: [], created: [] }, columns: [{ table: "books", deleted: ["author"], created: ["writer"] }] }
 */
export function diffNames(prev: SqliteSnapshot, cur: SqliteSnapshot): NameChanges {
  const before = Object.keys(prev.tables);
  const after = Object.keys(cur.tables);
  const columns: ColumnNameChanges[] = [];
  for (const table of after) {
    const old = prev.tables[table];
    const now = cur.tables[table];
    if (!old || !now) continue;
    const deleted = Object.keys(old.columns).filter((c) => !(c in now.columns));
    const created = Object.keys(now.columns).filter((c) => !(c in old.columns));
    if (deleted.length > 0 || created.length > 0) columns.push({ table, deleted, created });
  }
  return {
    tables: {
      deleted: before.filter((t) => !after.includes(t)),
      created: after.filter((t) => !before.includes(t)),
    },
    columns,
  };
}
