import type { ColumnModel } from "../model";

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * SQL literal of a column's `.default(value)`, in the column's storage encoding (booleans 0/1, dates
 * epoch ms, JSON as text), so migrations and inserts agree with how values are read back.
 *
 * @example
 * sqlLiteral({ type: "boolean" } as ColumnModel, false); // "0"
 */
export function sqlLiteral(column: Pick<ColumnModel, "type">, value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  switch (column.type) {
    case "boolean":
      return value ? "1" : "0";
    case "date": {
      const time = value instanceof Date ? value.getTime() : new Date(value as string | number).getTime();
      if (!Number.isFinite(time)) throw new TypeError(`invalid date default: ${String(value)}`);
      return String(time);
    }
    case "int":
    case "real": {
      const number = Number(value);
      if (!Number.isFinite(number)) throw new TypeError(`invalid numeric default: ${String(value)}`);
      return String(number);
    }
    case "json":
    case "enumArray":
      return quote(JSON.stringify(value));
    case "string":
    case "uuid":
    case "enum":
      return quote(String(value));
  }
}
