import type { ColumnModel } from "@appflare/schema";

/** A typed-in value as its column's type, or why it is not one. */
export type ParsedField = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Text from a form box or a CSV cell as its column's type: numbers, `true`/`false`, dates (ISO 8601 or
 * epoch ms, as a `Date`), JSON parsed; other text as is. Shape checks beyond parsing are the schema's.
 *
 * @example
 * parseFieldText(posts.columns.score!, "3"); // { ok: true, value: 3 }
 */
export function parseFieldText(column: ColumnModel, text: string): ParsedField {
  switch (column.type) {
    case "int":
    case "real": {
      const n = Number(text);
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, error: `${column.name}: "${text}" is not a number` };
    }
    case "boolean":
      return text === "true" || text === "false"
        ? { ok: true, value: text === "true" }
        : { ok: false, error: `${column.name}: choose true or false` };
    case "date": {
      const ms = /^-?\d+$/.test(text) ? Number(text) : Date.parse(text);
      return Number.isFinite(ms)
        ? { ok: true, value: new Date(ms) }
        : {
            ok: false,
            error: `${column.name}: "${text}" is not a date (use ISO 8601, e.g. 2026-01-31T12:00:00Z)`,
          };
    }
    case "json":
    case "enumArray":
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch (error) {
        return { ok: false, error: `${column.name}: not valid JSON (${(error as Error).message})` };
      }
    default:
      return { ok: true, value: text };
  }
}
