import type { TableModel } from "@appflare/schema";
import { InvalidBodyError, PayloadTooLargeError } from "@appflare/server";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { decodeBase64Utf8, encodeBase64Utf8 } from "../csv/base64Utf8";
import type { DashboardContext, DashboardEnv, DashboardRuntime } from "../http/DashboardRuntime";
import { errorMessage } from "../http/errorMessage";
import { pageFrame } from "../http/pageFrame";
import { writeCall } from "../http/writeCall";
import { ImportPage } from "../views/ImportPage";
import { exportCsv } from "./exportCsv";
import { insertSchema } from "./insertSchema";
import { parseListQuery } from "./parseListQuery";
import { previewImport } from "./previewImport";
import { createRows } from "./rowWrites";

/**
 * Caps the import routes' bodies before anything reads them (the CSRF check parses forms), at
 * `config.limits.bodyBytes` for the file, and 4/3 of it (+ form overhead) for the base64 confirm.
 * Registered by `mountDashboard` ahead of the CSRF middleware.
 */
export function importBodyLimits<Env extends object>(
  app: Hono<DashboardEnv<Env>>,
  runtime: DashboardRuntime<Env>,
): void {
  const bytes = runtime.host.config.limits.bodyBytes;
  const refuse = (limit: number) => (c: DashboardContext<Env>) =>
    c.json(
      {
        code: "payload_too_large",
        message: `The CSV import is larger than ${limit} bytes (limits.bodyBytes): split the file`,
      },
      413,
    );
  app.use("/tables/:table/import", bodyLimit({ maxSize: bytes + 16_384, onError: refuse(bytes) }));
  const confirm = Math.ceil((bytes * 4) / 3) + 16_384;
  app.use("/tables/:table/import/confirm", bodyLimit({ maxSize: confirm, onError: refuse(bytes) }));
}

/**
 * CSV export of a table view (streamed) and CSV import with a validation preview, all or nothing:
 * `GET <table>/export`, `POST <table>/import` (multipart `file`: the preview), `POST
 * <table>/import/confirm` (the preview's `data`: validated again, then one batch).
 */
export function csvRoutes<Env extends object>(
  app: Hono<DashboardEnv<Env>>,
  runtime: DashboardRuntime<Env>,
  tableOf: (c: DashboardContext<Env>) => TableModel,
): void {
  const bytes = runtime.host.config.limits.bodyBytes;

  app.get("/tables/:table/export", (c) => {
    const table = tableOf(c);
    const query = parseListQuery(table, new URL(c.req.url).searchParams);
    return new Response(exportCsv(writeCall(c, runtime), table, query), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${table.name}.csv"`,
      },
    });
  });

  /** What importing `text` would do; throws when the file as a whole is refused. */
  const preview = (table: TableModel, text: string) => {
    if (new TextEncoder().encode(text).length > bytes) throw new PayloadTooLargeError(bytes);
    return previewImport(table, insertSchema(runtime.host.schema, table), text);
  };
  const page = (
    c: DashboardContext<Env>,
    table: TableModel,
    status: 200 | 400 | 403 | 404 | 409 | 413,
    props: { preview?: ReturnType<typeof previewImport>; data?: string; error?: string },
  ) =>
    c.html(
      <ImportPage
        frame={pageFrame(c, runtime, `Import into ${table.name}`)}
        table={table.name}
        preview={props.preview}
        data={props.data}
        error={props.error}
      />,
      status,
    );

  app.post("/tables/:table/import", async (c) => {
    const table = tableOf(c);
    const form = await c.req.parseBody();
    try {
      if (!(form.file instanceof File)) throw new InvalidBodyError('Choose a CSV file (form field "file")');
      const text = await form.file.text();
      const result = preview(table, text);
      return page(c, table, result.invalid > 0 ? 400 : 200, {
        preview: result,
        data: encodeBase64Utf8(text),
      });
    } catch (error) {
      const { status, message } = errorMessage(error);
      return page(c, table, status, { error: `Nothing was imported. ${message}` });
    }
  });

  app.post("/tables/:table/import/confirm", async (c) => {
    const table = tableOf(c);
    const form = await c.req.parseBody();
    let result: ReturnType<typeof previewImport> | undefined;
    try {
      const text = typeof form.data === "string" ? decodeBase64Utf8(form.data) : null;
      if (text === null) {
        throw new InvalidBodyError('The confirm form\'s "data" is missing or damaged: upload the CSV again');
      }
      result = preview(table, text);
      if (result.invalid > 0) {
        return page(c, table, 400, {
          preview: result,
          error: `Nothing was imported: ${result.invalid} rows have problems`,
        });
      }
      await createRows(
        writeCall(c, runtime),
        table,
        result.rows.map((row) => row.values),
      );
    } catch (error) {
      const { status, message } = errorMessage(error);
      return page(c, table, status, { preview: result, error: `Nothing was imported. ${message}` });
    }
    return c.redirect(`${runtime.base}/tables/${table.name}`, 303);
  });
}
