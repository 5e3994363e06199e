import type { ColumnModel, TableModel } from "@appflare/schema";
import { AppflareError, InvalidBodyError } from "@appflare/server";
import type * as z from "zod";
import { parseCsv } from "../csv/parseCsv";
import { parseFieldText } from "./parseFieldText";

/** Most rows one import may hold: they are inserted in one D1 batch, one statement per few rows. */
export const MAX_IMPORT_ROWS = 1000;

/** One CSV record as the import would insert it, or what stops it (by field). */
export interface ImportRow {
  /** Its row number in the file, the header being row 1. */
  readonly line: number;
  /** The cells as read, in `columns` order. */
  readonly cells: readonly string[];
  readonly values: Readonly<Record<string, unknown>>;
  /** Field name (or `"row"` for the record as a whole) → problem. Empty when the row is valid. */
  readonly errors: Readonly<Record<string, string>>;
}

/** What an import would do: the file's columns and every row with its problems. */
export interface ImportPreview {
  readonly columns: readonly string[];
  readonly rows: readonly ImportRow[];
  /** How many rows have problems; the import writes only when this is 0. */
  readonly invalid: number;
}

/**
 * Reads an import CSV for `table`: a header of column names (any order, any subset), then one row per
 * record, each converted from text like the row form does and checked with the schema's Zod insert
 * validation. Whole-file problems (no header, an unknown or repeated column, too many rows) throw a
 * 4xx naming the fix; row problems are returned per field.
 *
 * @example
 * const preview = previewImport(posts, insertSchema(host.schema, posts), "title,score\nHi,3\n");
 * preview.invalid; // 0
 */
export function previewImport(table: TableModel, validate: z.ZodType, text: string): ImportPreview {
  const [header, ...records] = parseCsv(text);
  if (!header)
    throw new InvalidBodyError(`The CSV is empty: its first line must name "${table.name}" columns`);
  const columns = headerColumns(table, header);
  if (records.length === 0) throw new InvalidBodyError("The CSV has a header but no rows to import");
  if (records.length > MAX_IMPORT_ROWS) {
    throw new AppflareError(413, {
      code: "payload_too_large",
      message: `The CSV has ${records.length} rows; one import takes at most ${MAX_IMPORT_ROWS} (split the file)`,
    });
  }
  const rows = records.map((cells, i) => importRow(columns, validate, cells, i + 2));
  return {
    columns: columns.map((c) => c.name),
    rows,
    invalid: rows.filter((row) => Object.keys(row.errors).length > 0).length,
  };
}

function headerColumns(table: TableModel, header: readonly string[]): ColumnModel[] {
  const seen = new Set<string>();
  return header.map((raw) => {
    const name = raw.trim();
    const column = table.columns[name];
    if (!column || !Object.hasOwn(table.columns, name)) {
      throw new InvalidBodyError(
        `CSV header: "${table.name}" has no column "${name}" (columns: ${Object.keys(table.columns).join(", ")})`,
      );
    }
    if (seen.has(name)) throw new InvalidBodyError(`CSV header: column "${name}" appears twice`);
    seen.add(name);
    return column;
  });
}

function importRow(
  columns: readonly ColumnModel[],
  validate: z.ZodType,
  cells: readonly string[],
  line: number,
): ImportRow {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  if (cells.length !== columns.length) {
    errors.row = `has ${cells.length} cells; the header names ${columns.length} columns`;
    return { line, cells, values, errors };
  }
  columns.forEach((column, i) => {
    const text = cells[i] ?? "";
    if (text === "") {
      const generated = column.primaryKey || column.hasSqlDefault || column.defaultFn !== undefined;
      if (generated) return;
      if (!column.notNull) values[column.name] = null;
      else if (column.type === "string") values[column.name] = "";
      else errors[column.name] = "required (the cell is empty)";
      return;
    }
    const parsed = parseFieldText(column, text);
    if (parsed.ok) values[column.name] = parsed.value;
    else errors[column.name] = parsed.error;
  });
  const checked = validate.safeParse(values);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = typeof issue.path[0] === "string" ? issue.path[0] : "row";
      const rest = issue.path.slice(1).join(".");
      errors[field] ??= rest ? `${rest}: ${issue.message}` : issue.message;
    }
  }
  return { line, cells, values, errors };
}
