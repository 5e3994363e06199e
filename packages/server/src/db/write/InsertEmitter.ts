import type { TableModel } from "@appflare/schema";
import { InvalidQueryError } from "../../errors/AppflareError";
import { ident, join, MAX_BOUND_PARAMS, param, raw, type Sql, type SqlParam, sql } from "../sql";
import type { LinkUpdate } from "./buildInsertGraph";
import { addSize, EMPTY_SIZE, overflows, sizeOf } from "./chunkRows";
import { existenceCheckSql } from "./guardStatements";
import type { Cell, InsertNode } from "./InsertNode";
import type { StatementList } from "./StatementList";

/**
 * Turns insert rows into INSERT statements of one batch, in dependency order, and resolves references
 * to rows inserted earlier in the same batch.
 *
 * How a later statement learns an id SQLite assigned (integer keys): a batch cannot pass RETURNING
 * values to later statements, and `last_insert_rowid()` changes after every insert. But SQLite gives a
 * new row the largest rowid of its table (`max + 1`; with AUTOINCREMENT, above every id ever used), so
 * right after this write inserts rows r0..rn into table T, `max(id)` is rn's id and ri's is
 * `max(id) - (n - i)`. The emitter counts the rows it inserted per table, so a reference becomes
 * `(SELECT max("id") FROM "t") - k` with `k` computed here. Each statement's references are evaluated
 * before it inserts anything: a statement whose values read its own table is written as
 * `INSERT … SELECT * FROM (VALUES …)`, which SQLite materializes before inserting (INSERT … SELECT
 * reads the table as it was when the statement started). Rows this write inserts with explicit ids
 * are known by value, so when some landed after ri the reference skips them:
 * `(SELECT id FROM t WHERE id NOT IN (<those ids>) ORDER BY id DESC LIMIT 1 OFFSET n - i)`.
 */
export class InsertEmitter {
  /** Auto-key rows inserted so far, per table. */
  private readonly autoCounts = new Map<string, number>();
  /** Explicit integer keys inserted per table, with the number of auto-key rows inserted before each. */
  private readonly explicitKeys = new Map<string, { key: number; afterAutoRows: number }[]>();

  constructor(private readonly list: StatementList) {}

  /** Emits every node not yet emitted, each after the rows it references, and each link update as soon as its parent exists. */
  emit(nodes: readonly InsertNode[], links: readonly LinkUpdate[] = []): void {
    let pending = nodes.filter((n) => n.emitted === undefined);
    let waitingLinks = [...links];
    while (pending.length > 0 || waitingLinks.length > 0) {
      const readyLinks = waitingLinks.filter(
        (l) => l.parent.kind !== "ref" || l.parent.node.emitted !== undefined,
      );
      waitingLinks = waitingLinks.filter((l) => !readyLinks.includes(l));
      for (const link of readyLinks) this.emitLink(link);
      const ready = pending.filter((n) => n.deps.every((d) => d.emitted !== undefined));
      if (ready.length === 0 && pending.length > 0)
        throw new Error("Appflare internal error: circular nested insert");
      for (const group of groupRows(ready)) this.emitGroup(group.columns, group.nodes);
      pending = pending.filter((n) => n.emitted === undefined);
    }
  }

  /** SQL of a cell: a bound value, or an expression reading a row inserted earlier in the batch. */
  cellSql(cell: Cell): Sql {
    return cell.kind === "value" ? param(cell.value) : this.refSql(cell.node, cell.field);
  }

  /** SQL of `field` of an emitted row. */
  refSql(node: InsertNode, field: string): Sql {
    const cell = node.cells.get(field);
    if (cell !== undefined) return this.cellSql(cell);
    const table = node.table;
    const key = this.keySql(node);
    if (field === table.primaryKey) return key;
    const column = table.columns[field]!;
    const pk = table.columns[table.primaryKey]!;
    return sql`(SELECT ${ident(column.sqlName)} FROM ${ident(table.sqlName)} WHERE ${ident(pk.sqlName)} = ${key})`;
  }

  /**
   * `many` relation given child ids: checks they all exist (else the batch fails as a foreign key
   * violation, like a `one` id that does not exist), reads them as they were, then re-points their FK.
   */
  emitLink(link: LinkUpdate): { readonly before: number[]; readonly after: number[] } {
    const { child } = link;
    const pk = ident(child.columns[child.primaryKey]!.sqlName);
    const fk = ident(child.columns[link.fkField]!.sqlName);
    const ids = [...new Set(link.ids)];
    const before: number[] = [];
    const after: number[] = [];
    const group = `link:${child.name}`;
    for (let i = 0; i < ids.length; i += MAX_BOUND_PARAMS - 1) {
      const chunk = ids.slice(i, i + MAX_BOUND_PARAMS - 1);
      const inList = join(chunk.map(param));
      const count = sql`SELECT count(*) AS "n" FROM ${ident(child.sqlName)} WHERE ${pk} IN (${inList})`;
      this.list.add(existenceCheckSql(child.name, count, chunk.length), { role: "check" });
      before.push(
        this.list.add(sql`SELECT * FROM ${ident(child.sqlName)} WHERE ${pk} IN (${inList})`, {
          role: "before",
          table: child,
          group,
        }),
      );
      const update = sql`UPDATE ${ident(child.sqlName)} SET ${fk} = ${this.cellSql(link.parent)} WHERE ${pk} IN (${inList}) RETURNING *`;
      after.push(this.list.add(update, { role: "after", table: child, group }));
    }
    return { before, after };
  }

  /**
   * The generated key of an emitted auto-key row: the rows of its table above it are exactly the rows
   * this write inserted after it — `m` new ones and some with explicit ids `E` — so it is the
   * (m+1)-th largest key once `E` is set aside.
   */
  private keySql(node: InsertNode): Sql {
    const table = node.table;
    if (node.emitted === undefined)
      throw new Error("Appflare internal error: reference to a row not inserted yet");
    if (!node.autoKey || node.autoOrdinal === undefined) {
      throw new InvalidQueryError(
        `A nested write needs the key of a new "${table.name}" row that has none; give it a "${table.primaryKey}"`,
      );
    }
    const m = (this.autoCounts.get(table.name) ?? 0) - 1 - node.autoOrdinal;
    const later = (this.explicitKeys.get(table.name) ?? []).filter(
      (e) => e.afterAutoRows > node.autoOrdinal!,
    );
    const pk = ident(table.columns[table.primaryKey]!.sqlName);
    const from = ident(table.sqlName);
    if (later.length === 0) return sql`(SELECT max(${pk}) FROM ${from})${raw(m === 0 ? "" : ` - ${m}`)}`;
    const excluded = raw(later.map((e) => String(e.key)).join(", "));
    return sql`(SELECT ${pk} FROM ${from} WHERE ${pk} NOT IN (${excluded}) ORDER BY ${pk} DESC LIMIT 1 OFFSET ${raw(String(m))})`;
  }

  private emitGroup(columns: readonly string[], nodes: readonly InsertNode[]): void {
    const table = nodes[0]!.table;
    if (columns.length === 0) {
      for (const node of nodes)
        this.flush(table, columns, [{ node, row: { text: "", params: [], hasRef: false } }]);
      return;
    }
    let chunk: { node: InsertNode; row: RowSql }[] = [];
    let size = EMPTY_SIZE;
    for (const node of nodes) {
      // References are computed against the counts as of the statement being built: compute again
      // after a flush, which inserts rows and so moves the counts.
      let row = this.rowSql(node, columns);
      let rowSize = sizeOf([row]);
      if (chunk.length > 0 && overflows(size, rowSize)) {
        this.flush(table, columns, chunk);
        chunk = [];
        size = EMPTY_SIZE;
        row = this.rowSql(node, columns);
        rowSize = sizeOf([row]);
      }
      chunk.push({ node, row });
      size = addSize(size, rowSize);
    }
    if (chunk.length > 0) this.flush(table, columns, chunk);
  }

  /** `(?, ?, <ref>)` of one row. Built by hand: this is the hot loop of bulk inserts. */
  private rowSql(node: InsertNode, columns: readonly string[]): RowSql {
    const params: SqlParam[] = [];
    let text = "(";
    let hasRef = false;
    for (let i = 0; i < columns.length; i++) {
      const cell = node.cells.get(columns[i]!)!;
      if (i > 0) text += ", ";
      if (cell.kind === "value") {
        text += "?";
        params.push(cell.value);
      } else {
        const ref = this.refSql(cell.node, cell.field);
        text += ref.text;
        for (const p of ref.params) params.push(p);
        hasRef = true;
      }
    }
    return { text: `${text})`, params, hasRef };
  }

  private flush(
    table: TableModel,
    columns: readonly string[],
    rows: readonly { node: InsertNode; row: RowSql }[],
  ) {
    const target = ident(table.sqlName);
    let statement: Sql;
    if (columns.length === 0) {
      statement = sql`INSERT INTO ${target} DEFAULT VALUES RETURNING *`;
    } else {
      const names = join(columns.map((c) => ident(table.columns[c]!.sqlName)));
      const params: SqlParam[] = [];
      const texts: string[] = [];
      for (const { row } of rows) {
        texts.push(row.text);
        for (const p of row.params) params.push(p);
      }
      const values: Sql = { text: texts.join(", "), params };
      statement = rows.some((r) => r.row.hasRef)
        ? sql`INSERT INTO ${target} (${names}) SELECT * FROM (VALUES ${values}) RETURNING *`
        : sql`INSERT INTO ${target} (${names}) VALUES ${values} RETURNING *`;
    }
    const index = this.list.add(statement, { role: "insert", table });
    let count = this.autoCounts.get(table.name) ?? 0;
    const explicit = this.explicitKeys.get(table.name) ?? [];
    rows.forEach((r, position) => {
      r.node.emitted = { statement: index, position };
      if (r.node.autoKey) r.node.autoOrdinal = count++;
      const key = r.node.cells.get(table.primaryKey);
      if (explicitIntKey(r.node) && key?.kind === "value" && typeof key.value === "number") {
        explicit.push({ key: key.value, afterAutoRows: count });
      }
    });
    this.explicitKeys.set(table.name, explicit);
    this.autoCounts.set(table.name, count);
  }
}

/** The VALUES tuple of one row; `hasRef` when it reads rows inserted earlier in the batch. */
interface RowSql extends Sql {
  readonly hasRef: boolean;
}

interface RowGroup {
  readonly columns: string[];
  readonly nodes: InsertNode[];
}

/** Rows of one table writing the same columns, in the order given: one statement (or chunked several). */
function groupRows(nodes: readonly InsertNode[]): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const node of nodes) {
    const columns = columnNames(node.table).filter((c) => node.cells.has(c));
    const key = `${node.table.name}\u0000${node.autoKey}\u0000${columns.join(",")}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { columns, nodes: [] };
      groups.set(key, group);
    }
    group.nodes.push(node);
  }
  return [...groups.values()];
}

const names = new WeakMap<TableModel, string[]>();
/** Field names of a table in declaration order, computed once per table. */
function columnNames(table: TableModel): string[] {
  let list = names.get(table);
  if (list === undefined) {
    list = Object.keys(table.columns);
    names.set(table, list);
  }
  return list;
}

/** The row sets its integer primary key itself. */
function explicitIntKey(node: InsertNode): boolean {
  return (
    !node.autoKey &&
    node.table.compositeKey === undefined &&
    node.table.columns[node.table.primaryKey]?.type === "int"
  );
}
