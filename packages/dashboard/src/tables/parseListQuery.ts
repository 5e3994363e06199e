import type { TableModel } from "@appflare/schema";
import { InvalidQueryError } from "@appflare/server";
import { FILTER_OPERATORS, type Filter, type FilterOperator, type ListQuery } from "./ListQuery";

/**
 * Reads a table view from its URL. Unknown fields, operators and sort columns are `invalid_query`
 * errors naming them, so a hand-edited link shows what is wrong instead of an unfiltered table.
 *
 * @example
 * parseListQuery(tasks, new URLSearchParams("f=done&o=eq&v=false&sort=title"));
 */
export function parseListQuery(table: TableModel, params: URLSearchParams): ListQuery {
  const fields = params.getAll("f");
  const ops = params.getAll("o");
  const values = params.getAll("v");
  const filters: Filter[] = [];
  fields.forEach((field, i) => {
    if (field === "") return;
    if (!Object.hasOwn(table.columns, field)) {
      throw new InvalidQueryError(`Filter: "${table.name}" has no field "${field}"`);
    }
    const op = ops[i] ?? "eq";
    if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
      throw new InvalidQueryError(
        `Filter on "${field}": unknown operator "${op}" (use ${FILTER_OPERATORS.join(", ")})`,
      );
    }
    filters.push({ field, op: op as FilterOperator, value: values[i] ?? "" });
  });
  const sort = params.get("sort") || table.primaryKey;
  const column = table.columns[sort];
  if (!column) throw new InvalidQueryError(`Sort: "${table.name}" has no field "${sort}"`);
  if (column.type === "json" || column.type === "enumArray") {
    throw new InvalidQueryError(`Sort: "${sort}" is a JSON column and cannot be sorted`);
  }
  return {
    filters,
    q: params.get("q") ?? "",
    sort,
    dir: params.get("dir") === "desc" ? "desc" : "asc",
    after: params.get("after") || undefined,
    row: params.get("row") ?? undefined,
    creating: params.get("new") === "1",
  };
}

/** The URL query of a view (for links that change one part of it: sort, page, open row). */
export function listQueryString(query: ListQuery, change: Partial<ListQuery> = {}): string {
  const view = { ...query, ...change };
  const params = new URLSearchParams();
  for (const filter of view.filters) {
    params.append("f", filter.field);
    params.append("o", filter.op);
    params.append("v", filter.value);
  }
  if (view.q) params.set("q", view.q);
  params.set("sort", view.sort);
  params.set("dir", view.dir);
  if (view.after) params.set("after", view.after);
  if (view.row !== undefined) params.set("row", view.row);
  if (view.creating) params.set("new", "1");
  return params.toString();
}
