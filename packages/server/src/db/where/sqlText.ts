import type { ColumnModel } from "@appflare/schema";
import { ident, raw, type Sql, sql } from "../sql";

/**
 * A SQL string literal for text that comes from the schema model (field names used as JSON keys,
 * JSON paths). Never call with user input: values are always bound parameters.
 *
 * @example
 * modelLiteral("createdAt").text; // "'createdAt'"
 */
export function modelLiteral(text: string): Sql {
  return raw(`'${text.replaceAll("'", "''")}'`);
}

/** `alias."sql_name"`: a column of a table alias. */
export function columnRef(alias: string, column: ColumnModel): Sql {
  return sql`${ident(alias)}.${ident(column.sqlName)}`;
}

/** Wraps a boolean expression in parentheses so it composes under AND/OR/NOT. */
export function group(expression: Sql): Sql {
  return sql`(${expression})`;
}

/** SQL TRUE / FALSE as SQLite spells them. */
export const TRUE_SQL: Sql = raw("1");
export const FALSE_SQL: Sql = raw("0");
