import type { ColumnModel, TableModel } from "@appflare/schema";
import { InvalidQueryError } from "@appflare/server";

/**
 * A value typed in a text box, as its column's type: numbers, booleans (`true`/`false`/`1`/`0`),
 * dates (ISO or epoch ms → epoch ms), text as is. Throws `invalid_query` naming the field otherwise.
 *
 * @example
 * coerceText(tasks, tasks.columns.done!, "true"); // true
 */
export function coerceText(table: TableModel, column: ColumnModel, text: string): unknown {
  const fail = (expected: string): never => {
    throw new InvalidQueryError(`"${table.name}.${column.name}": expected ${expected}, got "${text}"`);
  };
  switch (column.type) {
    case "int":
    case "real": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) return fail("a number");
      if (column.type === "int" && !Number.isSafeInteger(n)) return fail("an integer");
      return n;
    }
    case "boolean":
      if (text === "true" || text === "1" || text === "on") return true;
      if (text === "false" || text === "0") return false;
      return fail("true or false");
    case "date": {
      const ms = /^-?\d+$/.test(text) ? Number(text) : Date.parse(text);
      return Number.isFinite(ms) ? ms : fail("a date (ISO 8601 or epoch milliseconds)");
    }
    default:
      return text;
  }
}
