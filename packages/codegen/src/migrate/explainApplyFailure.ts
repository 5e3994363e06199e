import { CliError, type SourceLocation } from "../errors/CliError";
import { findKeyLine } from "../errors/findSourceLine";

const NOT_NULL_ADD = /^ALTER TABLE `([^`]+)` ADD `([^`]+)` [^;]*NOT NULL/;

/** What is known when a migration failed on the scratch copy. */
export interface ApplyFailure {
  /** D1's message (see `d1ErrorMessage`). */
  readonly message: string;
  /** The statements of the migration that failed. */
  readonly statements: readonly string[];
  /** Row counts of the local database before the migration. */
  readonly rows: ReadonlyMap<string, number>;
  /** The migration that failed: the new one, or a pending file in `migrations/`. */
  readonly migration: string;
  /** The schema module (the field to fix is there). */
  readonly schemaFile: string;
}

const rowsOf = (rows: ReadonlyMap<string, number>, table: string) => {
  const n = rows.get(table) ?? 0;
  return `${n} ${n === 1 ? "row" : "rows"}`;
};

/** A fix, and the table and column it is about (to point at the field in the schema). */
interface Fix {
  readonly text: string;
  readonly table?: string;
  readonly column?: string;
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The schema file, at the field's line when it is written literally (`books: table({ pages: … })`). */
function fieldLocation(file: string, fix: Fix | undefined): SourceLocation {
  if (!fix?.table) return { file };
  const line =
    (fix.column ? findKeyLine(file, [fix.table, camel(fix.column)]) : undefined) ??
    findKeyLine(file, [fix.table]);
  return line === undefined ? { file } : { file, line };
}

/** The fix for the failures a schema change commonly meets on a database with rows. */
function fixFor(failure: ApplyFailure): Fix | undefined {
  const { message, statements, rows } = failure;
  if (/Cannot add a NOT NULL column with default value NULL/i.test(message)) {
    const added = statements.map((s) => NOT_NULL_ADD.exec(s)).find((m) => m && !/ DEFAULT /.test(m[0]));
    const [, table = "?", column = "?"] = added ?? [];
    return {
      table,
      column,
      text: `new column \`${table}.${column}\` is NOT NULL without a default, and table \`${table}\` has ${rowsOf(rows, table)}: add \`.default(…)\` to the field, or leave out \`.notNull()\` so existing rows get NULL.`,
    };
  }
  const notNull = /NOT NULL constraint failed: (?:__new_)?([\w$]+)\.([\w$]+)/i.exec(message);
  if (notNull) {
    const [, table, column] = notNull;
    return {
      table,
      column,
      text: `column \`${table}.${column}\` becomes NOT NULL but rows of \`${table}\` (${rowsOf(rows, table ?? "")}) have no value in it: add \`.default(…)\` to the field, fill those rows first, or leave out \`.notNull()\`.`,
    };
  }
  const unique = /UNIQUE constraint failed: (?:__new_)?([\w$]+)\.([\w$, .]+)/i.exec(message);
  if (unique) {
    const [, table, columns] = unique;
    return {
      table,
      column: columns?.split(",")[0]?.trim(),
      text: `rows of \`${table}\` repeat a value of \`${columns}\`, which the schema now makes unique: remove the duplicates first, or leave out \`.unique()\`.`,
    };
  }
  if (/FOREIGN KEY constraint failed/i.test(message)) {
    return {
      text: "existing rows point at rows that do not exist in the referenced table: fix or delete them first, or make the reference nullable.",
    };
  }
  return undefined;
}

/**
 * The CliError for a migration that failed on the scratch copy of the local database: it names the
 * column and table at fault and the fix, and says that `migrations/` and the database are untouched.
 *
 * @example
 * throw explainApplyFailure({ message: "Cannot add a NOT NULL column with default value NULL", statements, rows, migration: "0003_books.sql", schemaFile });
 */
export function explainApplyFailure(failure: ApplyFailure): CliError {
  const fix = fixFor(failure);
  const location = fieldLocation(failure.schemaFile, fix);
  const untouched = "Nothing was written to migrations/ and no database was changed.";
  if (fix) {
    return new CliError(
      `The migration fails on a copy of the local database (${failure.message}): ${fix.text} ${untouched}`,
      location,
    );
  }
  return new CliError(
    `The migration ${failure.migration} fails on a copy of the local database: ${failure.message}. ${untouched}\nIts SQL:\n${failure.statements.join("\n")}`,
    location,
  );
}
