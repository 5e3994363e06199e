import type { TableModel } from "@appflare/schema";
import { csvLine } from "../csv/csvLine";
import { buildWhere } from "./buildWhere";
import { csvCell } from "./csvCell";
import { cursorAfter, keysetWhere } from "./keyset";
import type { ListQuery } from "./ListQuery";
import { type WriteCall, withTable } from "./rowWrites";

/** Rows read per keyset page while exporting: the most the stream holds in memory at once. */
export const EXPORT_PAGE_ROWS = 200;

/**
 * Every row matching a table view's filters and search (not just its page), in its sort order, as a
 * CSV stream: a header of column names, then one record per row. Rows are read a keyset page at a
 * time as the client pulls, so a large table is never held in memory.
 *
 * @example
 * return new Response(exportCsv(call, posts, parseListQuery(posts, url.searchParams)));
 */
export function exportCsv<Env extends object>(
  call: WriteCall<Env>,
  table: TableModel,
  query: ListQuery,
): ReadableStream<Uint8Array> {
  const columns = Object.keys(table.columns);
  const where = buildWhere(table, query);
  const orderBy = [{ column: query.sort, direction: query.dir }];
  if (query.sort !== table.primaryKey) orderBy.push({ column: table.primaryKey, direction: query.dir });
  const encoder = new TextEncoder();
  let after: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvLine(columns)));
          return;
        }
        const page = after ? { and: [where, keysetWhere(table, query.sort, query.dir, after)] } : where;
        const rows = await withTable(call, table, (api) =>
          api.findMany({ where: page, orderBy, limit: EXPORT_PAGE_ROWS }),
        );
        if (rows.length > 0) {
          const text = rows.map((row) => csvLine(columns.map((name) => csvCell(row[name])))).join("");
          controller.enqueue(encoder.encode(text));
        }
        const last = rows[rows.length - 1];
        if (rows.length < EXPORT_PAGE_ROWS || !last) controller.close();
        else after = cursorAfter(table, query.sort, last);
      },
    },
    { highWaterMark: 0 },
  );
}
