import type { ColumnModel, TableModel } from "@appflare/schema";
import { FILTER_OPERATORS, type ListQuery } from "../tables/ListQuery";
import { listQueryString } from "../tables/parseListQuery";
import type { DbRow } from "../tables/TableApi";
import { CsrfField, ErrorBox, Layout, type PageFrame } from "./Layout";
import { RowForm, type RowFormProps } from "./RowForm";

/** Everything the table view shows. */
export interface TablePageProps {
  readonly frame: PageFrame;
  readonly table: TableModel;
  readonly query: ListQuery;
  readonly rows: readonly DbRow[];
  readonly total: number | undefined;
  /** Cursor of the next page, when there is one. */
  readonly next: string | undefined;
  readonly error?: string;
  /** The open row's form (detail/edit) or the create form. */
  readonly form?: Omit<RowFormProps, "base" | "table" | "csrf" | "readOnly">;
  /** Key of the open row, to offer "delete". */
  readonly openKey?: string;
}

/** A table: filter bar, search, sortable columns, keyset pages and the open row's form. */
export function TablePage(props: TablePageProps) {
  const { frame, table, query } = props;
  const here = `${frame.base}/tables/${table.name}`;
  const link = (change: Partial<ListQuery>) => `${here}?${listQueryString(query, change)}`;
  const columns = Object.values(table.columns);
  return (
    <Layout frame={frame}>
      <h1>
        {table.name} {props.total !== undefined ? <span class="muted">({props.total} rows)</span> : null}
      </h1>
      <ErrorBox message={props.error} />
      <FilterBar {...props} here={here} />
      <p class="row">
        {frame.readOnly ? null : <a href={link({ creating: true, row: undefined })}>New row</a>}
        <a href={`${frame.base}/audit?table=${table.name}`}>History</a>
        <a
          href={`${here}/export?${listQueryString(query, { after: undefined, row: undefined, creating: false })}`}
        >
          Export CSV
        </a>
      </p>
      {frame.readOnly ? null : (
        <form
          method="post"
          action={`${here}/import`}
          enctype="multipart/form-data"
          class="row"
          aria-label="Import CSV"
        >
          <CsrfField csrf={frame.csrf} />
          <label>
            CSV file <input type="file" name="file" accept=".csv,text/csv" required />
          </label>
          <button type="submit">Preview import</button>
        </form>
      )}
      {props.form ? (
        <section aria-label="Row">
          <h2>{props.form.mode === "create" ? "New row" : `Row ${props.openKey}`}</h2>
          <RowForm
            {...props.form}
            base={frame.base}
            table={table}
            csrf={frame.csrf}
            readOnly={frame.readOnly}
          />
          {props.openKey !== undefined && !frame.readOnly ? (
            <form
              method="post"
              action={`${here}/rows/${encodeURIComponent(props.openKey)}/delete`}
              data-confirm={`Delete ${table.name} row ${props.openKey}?`}
            >
              <CsrfField csrf={frame.csrf} />
              <button type="submit">Delete row</button>
            </form>
          ) : null}
          <p>
            <a href={link({ row: undefined, creating: false })}>Close</a>
          </p>
        </section>
      ) : null}
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col">
                <a
                  href={link({
                    sort: column.name,
                    dir: query.sort === column.name && query.dir === "asc" ? "desc" : "asc",
                    after: undefined,
                  })}
                >
                  {column.name}
                  {query.sort === column.name ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {columns.map((column) => (
                <td>
                  <Cell {...props} column={column} row={row} link={link} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 ? <p class="muted">No rows match.</p> : null}
      <p class="row">
        {query.after ? <a href={link({ after: undefined })}>First page</a> : null}
        {props.next ? <a href={link({ after: props.next })}>Next page</a> : null}
      </p>
    </Layout>
  );
}

function Cell(
  props: TablePageProps & { column: ColumnModel; row: DbRow; link: (c: Partial<ListQuery>) => string },
) {
  const { column, row, frame } = props;
  const value = row[column.name];
  if (column.name === props.table.primaryKey) {
    return <a href={props.link({ row: String(value), creating: false })}>{String(value)}</a>;
  }
  if (value === null || value === undefined) return <span class="muted">null</span>;
  const target = column.references?.table;
  if (target) {
    const href =
      target === "users"
        ? `${frame.base}/users?q=${encodeURIComponent(String(value))}`
        : `${frame.base}/tables/${target}?row=${encodeURIComponent(String(value))}`;
    return <a href={href}>{String(value)}</a>;
  }
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  return <span title={text}>{text.length > 80 ? `${text.slice(0, 80)}…` : text}</span>;
}

function FilterBar(props: TablePageProps & { here: string }) {
  const { table, query } = props;
  const names = Object.keys(table.columns);
  const rows = [...query.filters, { field: "", op: "eq", value: "" }];
  return (
    <form method="get" action={props.here} class="panel" aria-label="Filters">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div class="field">
        <label for="search">Search text columns</label>
        <input id="search" name="q" type="search" value={query.q} />
      </div>
      {rows.map((filter, i) => (
        <div class="row">
          <label>
            Field {i + 1}{" "}
            <select name="f">
              <option value="">(none)</option>
              {names.map((name) => (
                <option value={name} selected={name === filter.field}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Operator{" "}
            <select name="o">
              {FILTER_OPERATORS.map((op) => (
                <option value={op} selected={op === filter.op}>
                  {op}
                </option>
              ))}
            </select>
          </label>
          <label>
            Value <input name="v" value={filter.value} />
          </label>
        </div>
      ))}
      <button type="submit">Apply</button>
    </form>
  );
}
