import type { ColumnModel } from "@appflare/schema";
import { type Sql, sql } from "../sql";
import { parsableJson } from "../where/sqlText";

/**
 * A column value as it must be embedded in `json_object(...)` so the JSON decodes back to exactly
 * what a top-level read returns:
 * - REAL: SQLite renders doubles inside JSON with 15 significant digits (0.1 + 0.2 → 0.3), so reals
 *   are printed with 17 (`printf('%!.17g')`, which round-trips every double) and re-read as JSON
 *   numbers; NULL and ±Inf (which printf cannot spell as JSON) fall back to the plain value.
 * - JSON columns: `json(x)` so the document nests as JSON instead of as a string (NULL stays NULL; text
 *   SQLite cannot parse, written around ctx.db, becomes NULL instead of failing the statement).
 * - everything else (integers, text, 0/1 booleans, epoch-ms dates) embeds as-is.
 *
 * @example
 * jsonValue(scoreColumn, sql`"t1"."score"`); // CASE WHEN … THEN json(printf('%!.17g', "t1"."score")) … END
 */
export function jsonValue(column: ColumnModel, value: Sql): Sql {
  if (column.type === "real") return jsonReal(value);
  if (column.type === "json" || column.type === "enumArray") return sql`json(${parsableJson(value)})`;
  return value;
}

/** A REAL expression (a column, `avg(...)`, `sum(...)`) embedded in JSON without losing digits. */
export function jsonReal(value: Sql): Sql {
  return sql`CASE WHEN ${value} IS NULL OR abs(${value}) > 1.7976931348623157e308 THEN ${value} ELSE json(printf('%!.17g', ${value})) END`;
}
