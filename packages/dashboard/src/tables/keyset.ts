import type { TableModel } from "@appflare/schema";
import { InvalidQueryError } from "@appflare/server";
import type { DbRow } from "./TableApi";

interface Cursor {
  /** Sort column value of the last row shown (dates as epoch ms). */
  readonly v: unknown;
  /** Primary key of the last row shown. */
  readonly k: unknown;
}

/** The `after` cursor of the page that follows `row` (base64url JSON of its sort value and key). */
export function cursorAfter(table: TableModel, sort: string, row: DbRow): string {
  const plain = (value: unknown) => (value instanceof Date ? value.getTime() : (value ?? null));
  const json = JSON.stringify({ v: plain(row[sort]), k: plain(row[table.primaryKey]) } satisfies Cursor);
  return btoa(json).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
}

/**
 * The condition selecting rows after `after` in `(sort dir, primaryKey dir)` order, with SQLite's
 * NULL ordering (NULLs first ascending, last descending), so pages never skip or repeat a row
 * whatever the sort column holds.
 *
 * @example
 * keysetWhere(tasks, "title", "asc", cursorAfter(tasks, "title", lastRow));
 */
export function keysetWhere(
  table: TableModel,
  sort: string,
  dir: "asc" | "desc",
  after: string,
): Record<string, unknown> {
  const { v, k } = decode(after);
  const pk = table.primaryKey;
  const past = dir === "asc" ? "gt" : "lt";
  const tie = { [pk]: { [past]: k } };
  if (sort === pk) return tie;
  if (v === null) {
    return dir === "asc"
      ? { or: [{ [sort]: null, ...tie }, { [sort]: { exists: true } }] }
      : { [sort]: null, ...tie };
  }
  const branches: Record<string, unknown>[] = [{ [sort]: { [past]: v } }, { [sort]: v, ...tie }];
  if (dir === "desc") branches.push({ [sort]: null });
  return { or: branches };
}

function decode(after: string): Cursor {
  try {
    const parsed = JSON.parse(atob(after.replaceAll("-", "+").replaceAll("_", "/"))) as Cursor;
    if (typeof parsed === "object" && parsed !== null && "k" in parsed) return parsed;
  } catch {
    // fall through to the error below
  }
  throw new InvalidQueryError(
    `Page cursor "after" is not one the dashboard wrote: open the first page again`,
  );
}
