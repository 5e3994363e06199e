import { sqlLiteral } from "../compile/sqlLiteral";
import type { CheckModel } from "../model";
import type { DraftColumn, DraftTable } from "./context";

const identifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const text = (value: string): string => sqlLiteral({ type: "string" }, value);

/**
 * CHECK constraints for what a column's type promises but SQLite's storage does not: `v.enum` values,
 * `v.enumArray` elements and `v.string({ length })`. With them `ctx.$db`, raw SQL and other tools
 * cannot store a value the TypeScript types forbid. Named `<table>_<column>_enum` / `_length`, so a
 * violation (400 `check_violation`) names the column at fault. NULL passes: nullability is NOT NULL's job.
 *
 * @example
 * typeChecks(table); // [{ name: "tasks_priority_enum", sql: `"priority" IN ('low', 'high')` }]
 */
export function typeChecks(table: DraftTable): CheckModel[] {
  const checks: CheckModel[] = [];
  for (const column of table.columns.values()) {
    const prefix = `${table.sqlName}_${column.sqlName}`;
    const values = column.enumValues;
    if (column.type === "enum" && values !== undefined)
      checks.push({
        name: `${prefix}_enum`,
        sql: `${identifier(column.sqlName)} IN (${values.map(text).join(", ")})`,
      });
    if (column.type === "enumArray" && values !== undefined)
      checks.push({ name: `${prefix}_enum`, sql: enumArraySql(column, values) });
    if (column.length !== undefined)
      checks.push({
        name: `${prefix}_length`,
        sql: `length(${identifier(column.sqlName)}) <= ${column.length}`,
      });
  }
  return checks;
}

/**
 * "A JSON array whose elements are all members", without a subquery (SQLite forbids them in CHECK, so
 * `json_each` is out). On the minified array `json(col)`, the brackets become commas and every comma is
 * doubled (`["a","b"]` → `,,"a",,"b",,`); then each member's literal with one comma either side is
 * removed, and only commas may remain. `,"` never occurs inside a JSON string (a quote in a string is
 * escaped), so a removal always takes a whole top-level element; numbers, objects, nested arrays and
 * other strings leave characters behind. Doubling keeps one separator comma for the next element. An
 * element spelled with needless escapes (`"\u0061"`) is refused rather than decoded; Appflare writes
 * `JSON.stringify`'s spelling. CASE keeps `json()` away from text that is not JSON (it would raise).
 */
function enumArraySql(column: DraftColumn, values: readonly string[]): string {
  const c = identifier(column.sqlName);
  let rest = `replace(',' || substr(json(${c}), 2, length(json(${c})) - 2) || ',', ',', ',,')`;
  for (const value of values) {
    const literal = `,${JSON.stringify(value).replaceAll(",", ",,")},`;
    rest = `replace(${rest}, ${text(literal)}, '')`;
  }
  return [
    `CASE WHEN ${c} IS NULL THEN 1`,
    `WHEN typeof(${c}) = 'text' AND json_valid(${c}) THEN json_type(${c}) = 'array' AND replace(${rest}, ',', '') = ''`,
    "ELSE 0 END",
  ].join(" ");
}
