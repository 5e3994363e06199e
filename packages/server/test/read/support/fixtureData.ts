/**
 * Test support for the read-side suites: inserts rows into FIXTURE_DB through plain prepared
 * statements (no ctx.db writes involved) and gives each row its relation data for the JS evaluator.
 */

import { env } from "cloudflare:test";
import type { TableModel } from "@appflare/schema";
import { encodeValue } from "../../../src/db/codec";
import fixture from "../../fixtureSchema";

export const model = fixture.model;
export const tables = model.tables as Readonly<Record<string, TableModel>>;
export const items = tables.items!;
export const owners = tables.owners!;
export const labels = tables.labels!;
export const notes = tables.notes!;
export const links = tables.itemsLabelsLinks!;

/** Rows of every fixture table, in TS value space, keyed by table name. */
export type Dataset = Record<
  "owners" | "items" | "labels" | "notes" | "itemsLabelsLinks",
  Record<string, unknown>[]
>;

/** Statements that empty the fixture tables (children first) and insert `data`. */
export function insertStatements(db: D1Database, data: Dataset): D1PreparedStatement[] {
  const statements = ["itemsLabelsLinks", "notes", "items", "labels", "owners"].map((name) =>
    db.prepare(`DELETE FROM "${tables[name]!.sqlName}"`),
  );
  for (const name of ["owners", "labels", "items", "notes", "itemsLabelsLinks"] as const) {
    const table = tables[name]!;
    for (const row of data[name]) {
      const columns = Object.values(table.columns).filter((c) => Object.hasOwn(row, c.name));
      const sql = `INSERT INTO "${table.sqlName}" (${columns.map((c) => `"${c.sqlName}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
      statements.push(db.prepare(sql).bind(...columns.map((c) => encodeValue(c, row[c.name]))));
    }
  }
  return statements;
}

/** Replaces the fixture data in one batch. */
export async function insertDataset(data: Dataset, db: D1Database = env.FIXTURE_DB): Promise<void> {
  await db.batch(insertStatements(db, data));
}

/**
 * The row of `table` with every relation attached as a lazy own property (object or null for `one`,
 * arrays otherwise), built from `data` — what `evaluateWhere` needs to decide relation filters.
 */
export function withRelations(
  table: TableModel,
  row: Record<string, unknown>,
  data: Dataset,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const relation of Object.values(table.relations)) {
    Object.defineProperty(out, relation.name, {
      enumerable: true,
      get() {
        const target = tables[relation.target]!;
        const targetRows = data[target.name as keyof Dataset] ?? [];
        const key = row[relation.sourceField];
        if (relation.kind === "manyToMany") {
          const junction = relation.junction!;
          const ids = data.itemsLabelsLinks
            .filter((link) => link[junction.sourceField] === key)
            .map((link) => link[junction.targetField]);
          return targetRows
            .filter((r) => ids.includes(r[relation.targetField]))
            .map((r) => withRelations(target, r, data));
        }
        const related = targetRows.filter(
          (r) => key !== null && key !== undefined && r[relation.targetField] === key,
        );
        if (relation.kind === "one")
          return related[0] === undefined ? null : withRelations(target, related[0], data);
        return related.map((r) => withRelations(target, r, data));
      },
    });
  }
  return out;
}
