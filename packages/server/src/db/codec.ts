import type { ColumnModel, JsonShape, TableModel } from "@appflare/schema";
import type { SqlRow } from "./D1Executor";
import { jsonDeeperThan, SQLITE_JSON_MAX_DEPTH } from "./jsonLimits";
import type { SqlParam } from "./sql";

/** A row in the TypeScript value space (Date, boolean, parsed JSON), keyed by field name. */
export type TsRow = Record<string, unknown>;

/**
 * Encodes one TS value for a column as a bound parameter: booleans → 0/1, dates → epoch ms,
 * JSON columns → JSON text. `undefined` and `null` → NULL.
 */
export function encodeValue(column: ColumnModel, value: unknown): SqlParam {
  if (value === undefined || value === null) return null;
  switch (column.type) {
    case "boolean":
      return value === true || value === 1 ? 1 : 0;
    case "date":
      return toEpochMs(value);
    case "json":
    case "enumArray":
      return JSON.stringify(value);
    case "int":
    case "real":
      return typeof value === "number" ? value : Number(value);
    default:
      return typeof value === "string" ? value : String(value);
  }
}

/** Date | epoch ms | ISO string → epoch ms. */
export function toEpochMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  if (typeof value === "string") return new Date(value).getTime();
  throw new TypeError(`Expected a Date, epoch milliseconds or an ISO date string, got ${typeof value}`);
}

/**
 * Decodes one stored value into the TS value space. JSON values that arrive already parsed (from
 * `json_object` sub-selects) are kept as they are.
 */
export function decodeValue(column: ColumnModel, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case "boolean":
      return value === 1 || value === true || value === "1";
    case "date":
      return new Date(typeof value === "number" ? value : Number(value));
    case "json":
    case "enumArray": {
      const parsed: unknown = typeof value === "string" ? parseStoredJson(column, value) : value;
      return column.json ? reviveJsonDates(column.json, parsed) : parsed;
    }
    default:
      return value;
  }
}

/**
 * A stored JSON text, or `null` (logged) when it does not parse: ctx.db never writes such a value, but
 * `ctx.$db` or raw SQL can, and one bad row must not turn every read that loads it into a 500. Nested
 * reads agree: they embed such a value as NULL (`jsonValue`), and a where on it sees NULL (UNKNOWN).
 *
 * @example
 * parseStoredJson(tagsColumn, '["a"]'); // ["a"]
 * parseStoredJson(tagsColumn, "{oops"); // null, and a warning naming the column
 */
export function parseStoredJson(column: ColumnModel, text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return unreadableJson(column, "it does not parse");
  }
  // Only text this long can nest past SQLite's limit; deeper documents are invalid to SQL (json_valid
  // is 0), so top-level reads agree with nested ones and with where.
  if (text.length > 2 * SQLITE_JSON_MAX_DEPTH && jsonDeeperThan(parsed, SQLITE_JSON_MAX_DEPTH)) {
    return unreadableJson(column, `it nests deeper than ${SQLITE_JSON_MAX_DEPTH} levels`);
  }
  return parsed;
}

function unreadableJson(column: ColumnModel, why: string): null {
  console.warn(`[appflare] column "${column.sqlName}" holds JSON SQLite cannot read (${why}); read as null`);
  return null;
}

/**
 * JSON has no dates: the schema stores `v.date()` inside `v.object`/`v.array` as ISO strings. This walks
 * the column's JSON shape and turns those strings back into `Date`s, leaving everything else as parsed.
 */
export function reviveJsonDates(shape: JsonShape, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.kind) {
    case "date":
      return typeof value === "string" || typeof value === "number" ? new Date(value) : value;
    case "array":
      return Array.isArray(value) ? value.map((el) => reviveJsonDates(shape.element, el)) : value;
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, el] of Object.entries(value)) {
        const field = Object.hasOwn(shape.shape, key) ? shape.shape[key] : undefined;
        // defineProperty: a stored "__proto__" key must stay data, never become the prototype
        Object.defineProperty(out, key, {
          value: field ? reviveJsonDates(field, el) : el,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    default:
      return value;
  }
}

/** Decodes a result row keyed by SQL column names into a TS row keyed by field names. */
export function decodeRow(table: TableModel, row: SqlRow): TsRow {
  const out: TsRow = {};
  for (const column of Object.values(table.columns)) {
    if (column.sqlName in row) out[column.name] = decodeValue(column, row[column.sqlName]);
  }
  return out;
}
