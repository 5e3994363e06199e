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

/**
 * A JSON column's text where SQLite can parse it, else NULL. ctx.db only stores valid JSON within
 * `JSON_LIMITS`, but a row written around it (too deep, malformed) must read as NULL rather than
 * fail the whole statement for every row.
 *
 * @example
 * parsableJson(sql`"t0"."tags"`); // (CASE WHEN json_valid("t0"."tags") THEN "t0"."tags" END)
 */
export function parsableJson(value: Sql): Sql {
  return sql`(CASE WHEN json_valid(${value}) THEN ${value} END)`;
}

/** SQL TRUE / FALSE as SQLite spells them. */
export const TRUE_SQL: Sql = raw("1");
export const FALSE_SQL: Sql = raw("0");
