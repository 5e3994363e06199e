import type { TableModel } from "@appflare/schema";
import { isPlainObject } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import { ident, join, MAX_BOUND_PARAMS, type Sql, sql } from "../sql";
import { buildInsertGraph } from "./buildInsertGraph";
import type { ManyToManySet } from "./compileSet";
import type { InsertEmitter } from "./InsertEmitter";
import type { Cell } from "./InsertNode";
import { keyParam } from "./keyParam";
import type { StatementList } from "./StatementList";
import { aliased, type Target, whereReadsJunction } from "./targetRows";

/**
 * Emits the junction changes of an update's `manyToMany` set for every target row: creates item
 * objects first (their ids may be generated), deletes the links not in `items` when `mode` is
 * `overwrite`, then links every item (`ON CONFLICT DO NOTHING`: existing links stay). Junction rows
 * are keyed by a sub-select of the target, so the source ids never travel to the Worker and back.
 */
export function emitManyToManySet(
  list: StatementList,
  emitter: InsertEmitter,
  table: TableModel,
  target: Target,
  change: ManyToManySet,
): void {
  const { relation } = change;
  const junctionModel = relation.junction!;
  const junction = table.schema.tables[junctionModel.table]!;
  const other = table.schema.tables[relation.target]!;
  if (whereReadsJunction(table, target.where, junction.name)) {
    throw new InvalidQueryError(
      `update on "${table.name}" changes "${relation.name}" links and filters through them in where; ` +
        `filter by "${table.primaryKey}" instead so the rows cannot change under the write`,
    );
  }
  const path = `set.${relation.name}`;
  const objects = change.items.filter(isPlainObject);
  const graph = buildInsertGraph(table.schema, other, objects);
  emitter.emit(graph.nodes, graph.links);
  let created = 0;
  const seen = new Set<unknown>();
  const items: Cell[] = [];
  change.items.forEach((item, i) => {
    if (isPlainObject(item)) {
      items.push({ kind: "ref", node: graph.roots[created++]!, field: relation.targetField });
      return;
    }
    const id = keyParam(other, relation.targetField, item, `${path}[${i}]`);
    if (!seen.has(id)) items.push({ kind: "value", value: id });
    seen.add(id);
  });

  const sourceKey = ident(table.columns[relation.sourceField]!.sqlName);
  const sources = sql`SELECT ${ident(target.alias)}.${sourceKey} AS "k" FROM ${aliased(table, target)} WHERE ${target.condition}`;
  const js = ident(junction.columns[junctionModel.sourceField]!.sqlName);
  const jt = ident(junction.columns[junctionModel.targetField]!.sqlName);
  const room = Math.max(1, MAX_BOUND_PARAMS - target.condition.params.length - 1);

  if (change.mode === "overwrite") {
    const keep = items.filter((c) => c.kind === "value").map((c) => emitter.cellSql(c));
    let statement: Sql = sql`DELETE FROM ${ident(junction.sqlName)} WHERE ${js} IN (${sources})`;
    if (keep.length > 0 && keep.length <= room) {
      statement = sql`${statement} AND ${jt} NOT IN (${join(keep)})`;
    } else if (keep.length > room) {
      throw new InvalidQueryError(`${path}: overwrite takes at most ${room} ids in one update`);
    }
    list.add(sql`${statement} RETURNING *`, {
      role: "before",
      table: junction,
      group: `unlink:${junction.name}`,
    });
  }
  for (let i = 0; i < items.length; i += room) {
    // VALUES rows, not SELECT … UNION ALL: D1 allows at most 5 terms in a compound SELECT.
    const values = items.slice(i, i + room).map((c) => sql`(${emitter.cellSql(c)})`);
    const statement = sql`INSERT INTO ${ident(junction.sqlName)} (${js}, ${jt}) SELECT "s"."k", "i"."column1" FROM (${sources}) AS "s", (VALUES ${join(values)}) AS "i" WHERE true ON CONFLICT DO NOTHING RETURNING *`;
    list.add(statement, { role: "insert", table: junction });
  }
}
