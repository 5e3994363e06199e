import type { TableModel } from "@appflare/schema";
import { buildWhere } from "./buildWhere";
import { cursorAfter, keysetWhere } from "./keyset";
import type { ListQuery } from "./ListQuery";
import { rowKeyValue } from "./rowSnapshot";
import type { WriteCall } from "./rowWrites";
import { withTable } from "./rowWrites";
import type { DbRow } from "./TableApi";

/** Rows per page of a table view. */
export const PAGE_SIZE = 50;

/** One page of a table view, its match count, the next cursor and the open row. */
export interface TableView {
  readonly rows: DbRow[];
  readonly total: number;
  readonly next: string | undefined;
  readonly open: DbRow | null;
}

/**
 * Reads one page of `table` as `query` describes it, through `ctx.db` (keyset pagination on
 * `(sort, primary key)`).
 *
 * @example
 * const view = await loadTableView(call, tasks, parseListQuery(tasks, url.searchParams));
 */
export async function loadTableView<Env extends object>(
  call: WriteCall<Env>,
  table: TableModel,
  query: ListQuery,
): Promise<TableView> {
  const where = buildWhere(table, query);
  const page = query.after ? { and: [where, keysetWhere(table, query.sort, query.dir, query.after)] } : where;
  const orderBy = [{ column: query.sort, direction: query.dir }];
  if (query.sort !== table.primaryKey) orderBy.push({ column: table.primaryKey, direction: query.dir });
  return withTable(call, table, async (api) => {
    const [found, total, open] = await Promise.all([
      api.findMany({ where: page, orderBy, limit: PAGE_SIZE + 1 }),
      api.count({ where }),
      query.row === undefined
        ? Promise.resolve(null)
        : api.findFirst({ where: { [table.primaryKey]: rowKeyValue(table, query.row) } }),
    ]);
    const rows = found.slice(0, PAGE_SIZE);
    const last = rows[rows.length - 1];
    const next = found.length > PAGE_SIZE && last ? cursorAfter(table, query.sort, last) : undefined;
    return { rows, total, next, open };
  });
}
