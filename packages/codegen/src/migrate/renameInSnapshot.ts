import type { SnapshotColumnSet, SnapshotForeignKey, SnapshotTable, SqliteSnapshot } from "./SqliteSnapshot";

type Rename = (name: string) => string;

/** drizzle-orm's default foreign key name: renaming a table or column renames it too. */
const defaultFkName = (fk: SnapshotForeignKey) =>
  `${fk.tableFrom}_${fk.columnsFrom.join("_")}_${fk.tableTo}_${fk.columnsTo.join("_")}_fk`;

function mapRecord<T>(record: Readonly<Record<string, T>>, map: (key: string, value: T) => [string, T]) {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => map(k, v)));
}

function renameSets(sets: Readonly<Record<string, SnapshotColumnSet>>, column: Rename) {
  return mapRecord(sets, (key, set) => [key, { ...set, columns: set.columns.map(column) }]);
}

/** Rewrites every table/column reference in a foreign key, keeping a default name in step. */
function renameFk(fk: SnapshotForeignKey, table: Rename, columnOf: (table: string) => Rename) {
  const next: SnapshotForeignKey = {
    ...fk,
    tableFrom: table(fk.tableFrom),
    tableTo: table(fk.tableTo),
    columnsFrom: fk.columnsFrom.map(columnOf(table(fk.tableFrom))),
    columnsTo: fk.columnsTo.map(columnOf(table(fk.tableTo))),
  };
  return fk.name === defaultFkName(fk) ? { ...next, name: defaultFkName(next) } : next;
}

/**
 * The previous snapshot as if `tables` (old → new) and then `columns` (per new table name, old → new)
 * had already been renamed: diffing it against the current schema leaves drizzle-kit nothing to ask
 * about them. Indexes, unique constraints, primary keys and foreign keys follow the new names, as
 * SQLite's own `ALTER TABLE … RENAME` makes them follow.
 *
 * @example
 * renameInSnapshot(prev, new Map([["authors", "writers"]]), new Map([["books", new Map([["author", "writer"]])]]));
 */
export function renameInSnapshot(
  snapshot: SqliteSnapshot,
  tables: ReadonlyMap<string, string>,
  columns: ReadonlyMap<string, ReadonlyMap<string, string>>,
): SqliteSnapshot {
  const table: Rename = (name) => tables.get(name) ?? name;
  const columnOf =
    (newTable: string): Rename =>
    (name) =>
      columns.get(newTable)?.get(name) ?? name;
  const renamed = mapRecord(snapshot.tables, (_, t): [string, SnapshotTable] => {
    const name = table(t.name);
    const column = columnOf(name);
    const foreignKeys = Object.values(t.foreignKeys).map((fk) => renameFk(fk, table, columnOf));
    return [
      name,
      {
        ...t,
        name,
        columns: mapRecord(t.columns, (key, c) => [column(key), { ...c, name: column(c.name) }]),
        indexes: renameSets(t.indexes, column),
        uniqueConstraints: renameSets(t.uniqueConstraints, column),
        compositePrimaryKeys: renameSets(t.compositePrimaryKeys, column),
        foreignKeys: Object.fromEntries(foreignKeys.map((fk) => [fk.name, fk])),
      },
    ];
  });
  return { ...snapshot, tables: renamed };
}

/**
 * The SQL of those renames, in the form drizzle-kit writes it (tables first, so column renames use the
 * new table name).
 *
 * @example
 * renameStatements(new Map([["authors", "writers"]]), new Map());
 * // ["ALTER TABLE `authors` RENAME TO `writers`;"]
 */
export function renameStatements(
  tables: ReadonlyMap<string, string>,
  columns: ReadonlyMap<string, ReadonlyMap<string, string>>,
): string[] {
  return [
    ...[...tables].map(([from, to]) => `ALTER TABLE \`${from}\` RENAME TO \`${to}\`;`),
    ...[...columns].flatMap(([t, renames]) =>
      [...renames].map(([from, to]) => `ALTER TABLE \`${t}\` RENAME COLUMN \`${from}\` TO \`${to}\`;`),
    ),
  ];
}

/**
 * The snapshot without `tables` and without the `columns` of the others (and whatever indexes, keys
 * and constraints use them): the middle step when a drop and an add in one table are not a rename,
 * so each of the two diffs around it only drops or only adds and drizzle-kit has nothing to ask.
 *
 * @example
 * withoutNames(prev, ["old_table"], new Map([["books", ["author"]]]));
 */
export function withoutNames(
  snapshot: SqliteSnapshot,
  tables: readonly string[],
  columns: ReadonlyMap<string, readonly string[]>,
): SqliteSnapshot {
  const kept = Object.values(snapshot.tables).filter((t) => !tables.includes(t.name));
  const keep = (t: string, cols: readonly string[]) => !cols.some((c) => columns.get(t)?.includes(c));
  const sets = (t: string, record: Readonly<Record<string, SnapshotColumnSet>>) =>
    Object.fromEntries(Object.entries(record).filter(([, s]) => keep(t, s.columns)));
  const result = kept.map((t): SnapshotTable => {
    const fks = Object.entries(t.foreignKeys).filter(
      ([, fk]) =>
        !tables.includes(fk.tableTo) && keep(t.name, fk.columnsFrom) && keep(fk.tableTo, fk.columnsTo),
    );
    return {
      ...t,
      columns: Object.fromEntries(Object.entries(t.columns).filter(([c]) => keep(t.name, [c]))),
      indexes: sets(t.name, t.indexes),
      uniqueConstraints: sets(t.name, t.uniqueConstraints),
      compositePrimaryKeys: sets(t.name, t.compositePrimaryKeys),
      foreignKeys: Object.fromEntries(fks),
    };
  });
  return { ...snapshot, tables: Object.fromEntries(result.map((t) => [t.name, t])) };
}
