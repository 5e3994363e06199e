import type { ColumnModel, TableModel } from "@appflare/schema";
import type { TsRow } from "../codec";
import { ident, join, raw, type Sql, sql } from "../sql";
import type { StatementList } from "./StatementList";
import { aliased, type Target } from "./targetRows";

/** A foreign key `from.column` → `to`, with the action SQLite takes when the referenced row is deleted. */
interface ReferenceEdge {
  readonly from: TableModel;
  readonly column: ColumnModel;
  readonly to: TableModel;
  readonly referenced: ColumnModel;
  readonly onDelete: "cascade" | "set null";
}

/**
 * Before-images of the rows a DELETE changes through foreign keys, so realtime sees them too:
 * rows removed by `ON DELETE CASCADE` (followed transitively, self relations to any depth) become
 * delete events, rows whose FK `ON DELETE SET NULL` clears become update events (after = the row with
 * the FK null). One SELECT per affected table, placed before the DELETE in the same batch, each
 * over the same CTEs: `seed` (the keys the DELETE matches) and `k_<table>` (the keys of every doomed
 * row of a table: those referencing a doomed row through a cascading FK, closed over self references
 * with a recursive term). The cost is proportional to what the cascade touches. A cascade cycle
 * through several tables is followed once around.
 */
export function emitCascadeImages(
  list: StatementList,
  table: TableModel,
  target: Target,
): { seedImage?: number } {
  const edges = referenceEdges(table);
  const order = doomedTables(table, edges);
  const cascades = edges.filter(
    (e) => e.onDelete === "cascade" && order.includes(e.to) && order.includes(e.from),
  );
  const setNulls = edges.filter((e) => e.onDelete === "set null" && order.includes(e.to));
  const selfCascades = (t: TableModel) => cascades.filter((e) => e.from === t && e.to === t);
  if (order.length === 1 && selfCascades(table).length === 0 && setNulls.length === 0) return {};
  // When the table cascades into itself, a matched row can be deleted by the cascade of another one
  // before the DELETE reaches it, and then it is missing from RETURNING: read the matched rows first.
  const seedImage = cascades.some((e) => e.to === table && e.from === table)
    ? list.add(sql`SELECT * FROM ${aliased(table, target)} WHERE ${target.condition}`, {
        role: "before",
        table,
        group: "target",
      })
    : undefined;

  const name = (t: TableModel) => ident(`k_${order.indexOf(t)}`);
  const ctes: Sql[] = [
    sql`"seed"("k") AS (SELECT ${keyOf(table, target.alias)} FROM ${aliased(table, target)} WHERE ${target.condition})`,
  ];
  order.forEach((t, i) => {
    let base: Sql;
    if (i === 0) {
      base = sql`SELECT "k" FROM "seed"`;
    } else {
      // Edges from tables earlier in the order only: a later one would close a cycle.
      const incoming = cascades.filter((e) => e.from === t && e.to !== t && order.indexOf(e.to) < i);
      const matches = incoming.map(
        (e) => sql`"r".${ident(e.column.sqlName)} IN (${referencedKeys(e, name(e.to))})`,
      );
      base = sql`SELECT ${keyOf(t, "r")} FROM ${ident(t.sqlName)} AS "r" WHERE ${join(matches, " OR ")}`;
    }
    // One recursive term for every self reference (D1 allows at most 5 terms in a compound SELECT).
    const self = selfCascades(t).map((e) => sql`"s".${ident(e.column.sqlName)} = "d"."k"`);
    const step =
      self.length === 0
        ? []
        : [
            sql`SELECT ${keyOf(t, "s")} FROM ${ident(t.sqlName)} AS "s" JOIN ${name(t)} AS "d" ON ${join(self, " OR ")}`,
          ];
    ctes.push(sql`${name(t)}("k") AS (${join([base, ...step], " UNION ")})`);
  });
  const withClause = sql`WITH RECURSIVE ${join(ctes)}`;

  order.forEach((t, i) => {
    if (i === 0 && selfCascades(t).length === 0) return;
    const key = keyOf(t, "c");
    // Rows the DELETE matches itself come back through its RETURNING; report only the cascaded ones.
    const notSeed = i === 0 ? sql` AND ${key} NOT IN (SELECT "k" FROM "seed")` : raw("");
    list.add(
      sql`${withClause} SELECT "c".* FROM ${ident(t.sqlName)} AS "c" WHERE ${key} IN (SELECT "k" FROM ${name(t)})${notSeed}`,
      {
        role: "before",
        table: t,
        group: `cascade:${t.name}`,
      },
    );
  });
  for (const e of setNulls) {
    // A row the cascade deletes anyway is reported as deleted, not as updated.
    const doomed = order.includes(e.from)
      ? sql` AND ${keyOf(e.from, "c")} NOT IN (SELECT "k" FROM ${name(e.from)})`
      : raw("");
    list.add(
      sql`${withClause} SELECT "c".* FROM ${ident(e.from.sqlName)} AS "c" WHERE "c".${ident(e.column.sqlName)} IN (${referencedKeys(e, name(e.to))})${doomed}`,
      {
        role: "before",
        table: e.from,
        group: `setnull:${e.from.name}.${e.column.name}`,
        after: (row: TsRow) => ({ ...row, [e.column.name]: null }),
      },
    );
  }
  return seedImage === undefined ? {} : { seedImage };
}

/**
 * `table` first, then every table a cascading FK reaches from it, in topological order: a table comes
 * after every table it is reached from (so its keys can be read off theirs). A cycle through several
 * tables is cut where it closes.
 */
function doomedTables(table: TableModel, edges: readonly ReferenceEdge[]): TableModel[] {
  const reached = [table];
  for (let i = 0; i < reached.length; i++) {
    for (const e of edges) {
      if (e.onDelete === "cascade" && e.to === reached[i] && !reached.includes(e.from)) reached.push(e.from);
    }
  }
  const inner = edges.filter(
    (e) =>
      e.onDelete === "cascade" &&
      e.from !== e.to &&
      e.from !== table &&
      reached.includes(e.to) &&
      reached.includes(e.from),
  );
  const order = [table];
  while (order.length < reached.length) {
    const pending = reached.filter((t) => !order.includes(t));
    // Kahn's algorithm; with a cycle left, take the first pending table (in reach order) to cut it.
    const next = pending.find((t) => inner.every((e) => e.from !== t || order.includes(e.to))) ?? pending[0]!;
    order.push(next);
  }
  return order;
}

/** Values of the referenced column of the doomed rows of `e.to` (their keys when it is the key). */
function referencedKeys(e: ReferenceEdge, doomed: Sql): Sql {
  if (e.referenced.primaryKey && e.to.compositeKey === undefined) return sql`SELECT "k" FROM ${doomed}`;
  return sql`SELECT "p".${ident(e.referenced.sqlName)} FROM ${ident(e.to.sqlName)} AS "p" WHERE ${keyOf(e.to, "p")} IN (SELECT "k" FROM ${doomed})`;
}

/** Every FK in the schema whose ON DELETE action changes rows (cascade / set null). */
function referenceEdges(table: TableModel): ReferenceEdge[] {
  const edges: ReferenceEdge[] = [];
  for (const from of Object.values(table.schema.tables)) {
    for (const column of Object.values(from.columns)) {
      const ref = column.references;
      if (ref === undefined || (ref.onDelete !== "cascade" && ref.onDelete !== "set null")) continue;
      const to = table.schema.tables[ref.table];
      const referenced =
        to && Object.values(to.columns).find((c) => c.name === ref.column || c.sqlName === ref.column);
      if (to && referenced) edges.push({ from, column, to, referenced, onDelete: ref.onDelete });
    }
  }
  return edges;
}

/** The key a doomed row is tracked by: its primary key, or its rowid for composite-key (junction) tables. */
function keyOf(table: TableModel, alias: string): Sql {
  if (table.compositeKey !== undefined) return sql`${ident(alias)}.rowid`;
  return sql`${ident(alias)}.${ident(table.columns[table.primaryKey]!.sqlName)}`;
}
