import { CliError } from "../errors/CliError";

/** Renames decided for one migration: tables (old → new) and columns per table (new table name). */
export interface Renames {
  readonly tables: ReadonlyMap<string, string>;
  /** Keyed by the table's name after the migration; old column → new column. */
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const NAME = /^[A-Za-z_][\w$]*$/;

/**
 * Parses `--rename` values: `old=new` renames a table, `table.old=new` a column (the table by its old
 * or new name). Names are SQL names, as in the schema (`signup_source`, not `signupSource`).
 *
 * @example
 * parseRenames(["books.author=writer", "authors=writers"]);
 */
export function parseRenames(values: readonly string[]): {
  table: [string, string][];
  column: [string, string, string][];
} {
  const table: [string, string][] = [];
  const column: [string, string, string][] = [];
  for (const value of values) {
    const match = /^([^=.]+)(?:\.([^=.]+))?=([^=.]+)$/.exec(value.trim());
    const [, first, second, target] = match ?? [];
    if (!first || !target || !NAME.test(first) || !NAME.test(target) || (second && !NAME.test(second))) {
      throw new CliError(
        `--rename ${value}: expected \`table.old_column=new_column\` or \`old_table=new_table\` (SQL names, no quotes)`,
      );
    }
    if (second) column.push([first, second, target]);
    else table.push([first, target]);
  }
  return { table, column };
}
