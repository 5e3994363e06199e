import type { TableModel } from "@appflare/schema";
import { InvalidQueryError } from "@appflare/server";
import { coerceText } from "./coerceText";
import type { Filter, ListQuery } from "./ListQuery";

/** D1 refuses LIKE patterns over 50 bytes; `%` on both sides leaves 48 for the text. */
const MAX_SEARCH_BYTES = 48;

/**
 * The `where` of a table view: every filter and the text search AND-ed (docs/data-docs/ where language).
 *
 * @example
 * buildWhere(tasks, { ...view, filters: [{ field: "done", op: "eq", value: "false" }] }); // { and: [{ done: { eq: false } }] }
 */
export function buildWhere(
  table: TableModel,
  query: Pick<ListQuery, "filters" | "q">,
): Record<string, unknown> {
  const and: Record<string, unknown>[] = query.filters.map((filter) => filterCondition(table, filter));
  const q = query.q.trim();
  if (q !== "") {
    if (new TextEncoder().encode(q).length > MAX_SEARCH_BYTES) {
      throw new InvalidQueryError(`Search text is limited to ${MAX_SEARCH_BYTES} bytes (D1's LIKE limit)`);
    }
    const text = Object.values(table.columns).filter((c) => ["string", "uuid", "enum"].includes(c.type));
    if (text.length === 0) throw new InvalidQueryError(`"${table.name}" has no text column to search`);
    and.push({ or: text.map((c) => ({ [c.name]: { contains: q, mode: "insensitive" } })) });
  }
  return and.length === 0 ? {} : { and };
}

function filterCondition(table: TableModel, filter: Filter): Record<string, unknown> {
  const column = table.columns[filter.field];
  if (!column) throw new InvalidQueryError(`Filter: "${table.name}" has no field "${filter.field}"`);
  const { op, value } = filter;
  if (op === "exists") {
    if (value !== "true" && value !== "false") {
      throw new InvalidQueryError(`Filter on "${filter.field}": "exists" takes true or false`);
    }
    return { [filter.field]: { exists: value === "true" } };
  }
  if (op === "in") {
    const items = value.split(",").map((item) => coerceText(table, column, item.trim()));
    return { [filter.field]: { in: items } };
  }
  if (op === "contains" || op === "startsWith" || op === "endsWith") {
    return { [filter.field]: { [op]: value, mode: "insensitive" } };
  }
  if ((op === "eq" || op === "ne") && value === "" && !column.notNull) {
    return { [filter.field]: { [op]: null } };
  }
  return { [filter.field]: { [op]: coerceText(table, column, value) } };
}
