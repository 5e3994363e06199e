import type { SchemaModel } from "@appflare/schema";

/**
 * How `in`/`nin`/`includes`/`includesAny` lists reach SQL: one bound parameter per item (`inline`,
 * the fastest plan for short lists), or the whole list as ONE JSON parameter expanded with
 * `json_each(?)` (`json`), which a statement falls back to when inline lists would push it past
 * D1's 100 bound parameters.
 */
export type ListMode = "inline" | "json";

/**
 * State shared by everything compiled into one SQL statement: the table-alias counter (so nested
 * EXISTS and JSON sub-selects, self relations included, never reuse an alias), the list mode, and
 * the tables that relation filters reached (each becomes a table-level read record).
 */
export interface SqlScope {
  readonly model: SchemaModel;
  readonly listMode: ListMode;
  /** Returns a fresh alias: `t0`, `t1`, … */
  alias(): string;
  /** Tables read through relation filters (EXISTS), junction tables included. */
  readonly relationTables: Set<string>;
}

/**
 * Starts the scope of one statement.
 *
 * @example
 * const scope = createSqlScope(model, "inline");
 * const root = scope.alias(); // "t0"
 */
export function createSqlScope(model: SchemaModel, listMode: ListMode = "inline"): SqlScope {
  let next = 0;
  return {
    model,
    listMode,
    alias: () => `t${next++}`,
    relationTables: new Set<string>(),
  };
}
