import type { TableModel } from "@appflare/schema";
import { InvalidQueryError } from "@appflare/server";
import type { DbRow } from "./TableApi";

/** A row as plain JSON (dates as ISO strings): what the audit log stores and compares. */
export function rowSnapshot(row: DbRow): Record<string, unknown> {
  return JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
}

/** Whether two snapshots hold the same values (key order ignored). */
export function sameSnapshot(a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A snapshot back into `ctx.db` values: date columns become `Date`s again. */
export function reviveSnapshot(
  table: TableModel,
  snapshot: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(snapshot)) {
    const column = table.columns[name];
    if (!column) continue;
    values[name] = column.type === "date" && typeof value === "string" ? new Date(value) : value;
  }
  return values;
}

/**
 * The primary key value addressed by `text` (from a URL or the audit log), typed as its column.
 *
 * @example
 * rowKeyValue(tasks, "7"); // 7
 */
export function rowKeyValue(table: TableModel, text: string): string | number {
  const column = table.columns[table.primaryKey];
  if (column?.type === "int" || column?.type === "real") {
    const n = Number(text);
    if (!Number.isFinite(n))
      throw new InvalidQueryError(`"${table.name}" rows are keyed by a number, got "${text}"`);
    return n;
  }
  return text;
}
