import type { TableModel } from "@appflare/schema";
import { InvalidQueryError } from "@appflare/server";
import type { Hono } from "hono";
import type { DashboardContext, DashboardEnv, DashboardRuntime } from "../http/DashboardRuntime";
import { errorMessage } from "../http/errorMessage";
import { pageFrame } from "../http/pageFrame";
import { writeCall } from "../http/writeCall";
import { rowTexts } from "../views/RowForm";
import { TablePage, type TablePageProps } from "../views/TablePage";
import { TablesPage } from "../views/TablesPage";
import { csvRoutes } from "./csvRoutes";
import { formValues } from "./formValues";
import type { ListQuery } from "./ListQuery";
import { loadTableView } from "./loadTableView";
import { listQueryString, parseListQuery } from "./parseListQuery";
import { rowKeyValue } from "./rowSnapshot";
import { createRow, deleteRow, updateRow, withTable } from "./rowWrites";
import { visibleTable, visibleTables } from "./visibleTables";

/** Routes of the Tables area: overview, table view, relation picker options, create/edit/delete. */
export function tableRoutes<Env extends object>(
  app: Hono<DashboardEnv<Env>>,
  runtime: DashboardRuntime<Env>,
): void {
  const call = (c: DashboardContext<Env>) => writeCall(c, runtime);
  const tableOf = (c: DashboardContext<Env>): TableModel => {
    const name = c.req.param("table") ?? "";
    const table = visibleTable(runtime.model, name);
    if (!table)
      throw new InvalidQueryError(
        `No table "${name}" in the dashboard (auth and junction tables are not listed)`,
      );
    return table;
  };

  app.get("/", async (c) => {
    const tables = await Promise.all(
      visibleTables(runtime.model).map(async (table) => ({
        name: table.name,
        count: await withTable(call(c), table, (api) => api.count()),
      })),
    );
    return c.html(<TablesPage frame={pageFrame(c, runtime, "Tables")} tables={tables} />);
  });

  /** Renders the table view, with `extra` (a refused form, an error) over it. */
  const render = async (
    c: DashboardContext<Env>,
    table: TableModel,
    query: ListQuery,
    extra: Partial<TablePageProps> = {},
    status: 200 | 400 | 403 | 404 | 409 | 413 = 200,
  ) => {
    const base: TablePageProps = {
      frame: pageFrame(c, runtime, table.name),
      table,
      query,
      rows: [],
      total: undefined,
      next: undefined,
    };
    let props: TablePageProps = { ...base, ...extra };
    try {
      const view = await loadTableView(call(c), table, query);
      props = { ...props, rows: view.rows, total: view.total, next: view.next };
      if (!props.form && view.open && query.row !== undefined) {
        props = {
          ...props,
          openKey: query.row,
          form: {
            mode: "edit",
            action: rowAction(runtime, table, query, query.row),
            texts: rowTexts(table, view.open),
          },
        };
      } else if (!props.form && query.row !== undefined) {
        props = { ...props, error: `No "${table.name}" row with ${table.primaryKey} = ${query.row}` };
        status = 404;
      }
    } catch (error) {
      const problem = errorMessage(error);
      props = { ...props, error: props.error ?? problem.message };
      if (status === 200) status = problem.status;
    }
    if (!props.form && query.creating) {
      props = { ...props, form: { mode: "create", action: createAction(runtime, table, query), texts: {} } };
    }
    return c.html(<TablePage {...props} />, status);
  };

  app.get("/tables/:table", async (c) => {
    const table = tableOf(c);
    let query: ListQuery;
    try {
      query = parseListQuery(table, new URL(c.req.url).searchParams);
    } catch (error) {
      const { status, message } = errorMessage(error);
      const fallback = parseListQuery(table, new URLSearchParams());
      return render(c, table, fallback, { error: message }, status);
    }
    return render(c, table, query);
  });

  csvRoutes(app, runtime, tableOf);

  app.get("/tables/:table/options", async (c) => {
    const table = tableOf(c);
    const q = (c.req.query("q") ?? "").slice(0, 40);
    const label = labelColumn(table);
    const where =
      q && label ? { or: [{ [label]: { contains: q, mode: "insensitive" } }, ...keyMatch(table, q)] } : {};
    const rows = await withTable(call(c), table, (api) => api.findMany({ where, limit: 20 }));
    return c.json(
      rows.map((row) => ({
        value: String(row[table.primaryKey]),
        label: label
          ? `${String(row[label] ?? "")} (${String(row[table.primaryKey])})`
          : String(row[table.primaryKey]),
      })),
    );
  });

  app.post("/tables/:table/rows", async (c) => {
    const table = tableOf(c);
    const query = viewOf(table, c);
    const form = await c.req.parseBody();
    const texts = formTexts(form);
    const refused = (
      error: string | undefined,
      errors: Record<string, string> | undefined,
      status: 400 | 403 | 404 | 409 | 413,
    ) =>
      render(
        c,
        table,
        query,
        { form: { mode: "create", action: createAction(runtime, table, query), texts, errors, error } },
        status,
      );
    const parsed = formValues(table, form, "create");
    if (!parsed.ok) return refused("The row was not created: fix the fields below", parsed.errors, 400);
    try {
      const row = await createRow(call(c), table, parsed.values);
      return c.redirect(
        `${tableUrl(runtime, table)}?${listQueryString(query, { creating: false, row: String(row[table.primaryKey]) })}`,
        303,
      );
    } catch (error) {
      const { status, message } = errorMessage(error);
      return refused(message, fieldError(message), status);
    }
  });

  app.post("/tables/:table/rows/:key", async (c) => {
    const table = tableOf(c);
    const query = viewOf(table, c);
    const keyText = c.req.param("key");
    const form = await c.req.parseBody();
    const texts = formTexts(form);
    const refused = (
      error: string | undefined,
      errors: Record<string, string> | undefined,
      status: 400 | 403 | 404 | 409 | 413,
    ) =>
      render(
        c,
        table,
        { ...query, row: keyText },
        {
          openKey: keyText,
          form: {
            mode: "edit",
            action: rowAction(runtime, table, query, keyText),
            texts: { ...texts, [table.primaryKey]: keyText },
            errors,
            error,
          },
        },
        status,
      );
    const parsed = formValues(table, form, "edit");
    if (!parsed.ok) return refused("Nothing was saved: fix the fields below", parsed.errors, 400);
    try {
      await updateRow(call(c), table, rowKeyValue(table, keyText), parsed.values);
      return c.redirect(`${tableUrl(runtime, table)}?${listQueryString(query, { row: keyText })}`, 303);
    } catch (error) {
      const { status, message } = errorMessage(error);
      return refused(`Nothing was saved. ${message}`, fieldError(message), status);
    }
  });

  app.post("/tables/:table/rows/:key/delete", async (c) => {
    const table = tableOf(c);
    const query = viewOf(table, c);
    const keyText = c.req.param("key");
    try {
      await deleteRow(call(c), table, rowKeyValue(table, keyText));
    } catch (error) {
      const { status, message } = errorMessage(error);
      return render(c, table, { ...query, row: undefined }, { error: `Not deleted. ${message}` }, status);
    }
    return c.redirect(`${tableUrl(runtime, table)}?${listQueryString(query, { row: undefined })}`, 303);
  });
}

/** The view a form was posted from (its action URL carries the view's query string). */
function viewOf<Env extends object>(table: TableModel, c: DashboardContext<Env>): ListQuery {
  try {
    return { ...parseListQuery(table, new URL(c.req.url).searchParams), creating: false };
  } catch {
    return parseListQuery(table, new URLSearchParams());
  }
}

const tableUrl = <Env extends object>(runtime: DashboardRuntime<Env>, table: TableModel) =>
  `${runtime.base}/tables/${table.name}`;

function createAction<Env extends object>(
  runtime: DashboardRuntime<Env>,
  table: TableModel,
  query: ListQuery,
): string {
  return `${tableUrl(runtime, table)}/rows?${listQueryString(query, { creating: false, row: undefined })}`;
}

function rowAction<Env extends object>(
  runtime: DashboardRuntime<Env>,
  table: TableModel,
  query: ListQuery,
  key: string,
): string {
  return `${tableUrl(runtime, table)}/rows/${encodeURIComponent(key)}?${listQueryString(query, { row: undefined, creating: false })}`;
}

function formTexts(form: Record<string, unknown>): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, value] of Object.entries(form))
    if (typeof value === "string" && name !== "_csrf") texts[name] = value;
  return texts;
}

/** `ctx.db` names the field in its message (`Invalid value for "tasks.title": ...`): show it there too. */
function fieldError(message: string): Record<string, string> | undefined {
  const match = /"[A-Za-z0-9_]+\.([A-Za-z0-9_]+)"/.exec(message);
  return match?.[1] ? { [match[1]]: message } : undefined;
}

/** The column the relation picker shows next to a key: `name`, `title`, `email`, or the first text column. */
function labelColumn(table: TableModel): string | undefined {
  const columns = Object.values(table.columns);
  const named = ["name", "title", "email", "label", "slug"].find((n) => table.columns[n]?.type === "string");
  return named ?? columns.find((c) => c.type === "string" && !c.primaryKey)?.name;
}

function keyMatch(table: TableModel, q: string): Record<string, unknown>[] {
  const key = table.columns[table.primaryKey];
  if (key?.type === "int") return Number.isSafeInteger(Number(q)) ? [{ [table.primaryKey]: Number(q) }] : [];
  return [{ [table.primaryKey]: q }];
}
