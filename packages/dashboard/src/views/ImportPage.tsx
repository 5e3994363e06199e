import type { ImportPreview } from "../tables/previewImport";
import { CsrfField, ErrorBox, Layout, type PageFrame } from "./Layout";

/** What the import preview shows. */
export interface ImportPageProps {
  readonly frame: PageFrame;
  readonly table: string;
  readonly preview: ImportPreview | undefined;
  /** The CSV as base64 UTF-8, posted again by the confirm form. */
  readonly data: string | undefined;
  readonly error?: string;
}

/**
 * The import preview: every row of the CSV with the problems the schema's validation finds under its
 * cells, and the confirm button only when no row has one (the import is all or nothing).
 */
export function ImportPage(props: ImportPageProps) {
  const { frame, table, preview } = props;
  const here = `${frame.base}/tables/${table}`;
  const ready = preview !== undefined && preview.invalid === 0 && props.data !== undefined && !props.error;
  return (
    <Layout frame={frame}>
      <h1>Import into {table}</h1>
      <ErrorBox message={props.error} />
      {preview ? (
        <p>
          {rowCount(preview.rows.length)}
          {preview.invalid > 0
            ? `; ${preview.invalid} with problems. Nothing will be imported until every row is valid: fix the file and upload it again.`
            : "; all valid."}
        </p>
      ) : null}
      {ready ? (
        <form method="post" action={`${here}/import/confirm`} enctype="multipart/form-data" class="panel">
          <CsrfField csrf={frame.csrf} />
          <input type="hidden" name="data" value={props.data} />
          <button type="submit">Import {rowCount(preview.rows.length)}</button>{" "}
          <span class="muted">All rows are written in one batch, or none.</span>
        </form>
      ) : null}
      <p>
        <a href={here}>Back to {table}</a>
      </p>
      {preview ? (
        <table aria-label="Import preview">
          <thead>
            <tr>
              <th scope="col">Row</th>
              {preview.columns.map((name) => (
                <th scope="col">{name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr class={Object.keys(row.errors).length > 0 ? "invalid" : undefined}>
                <th scope="row">
                  {row.line}
                  {Object.entries(row.errors)
                    .filter(([field]) => !preview.columns.includes(field))
                    .map(([field, problem]) => (
                      <span class="problem">{field === "row" ? problem : `${field}: ${problem}`}</span>
                    ))}
                </th>
                {preview.columns.map((name, i) => (
                  <td>
                    {row.cells[i] ?? ""}
                    {row.errors[name] ? <span class="problem">{row.errors[name]}</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Layout>
  );
}

const rowCount = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;
