/** Machine-readable kind of a {@link SchemaError}; the README lists each with an example. */
export type SchemaErrorCode =
  | "invalid_table"
  | "non_builder_field"
  | "auth_table_defined"
  | "missing_primary_key"
  | "multiple_primary_keys"
  | "invalid_primary_key"
  | "invalid_column"
  | "unknown_relation_target"
  | "unknown_reference"
  | "invalid_reference"
  | "invalid_relation"
  | "ambiguous_relation"
  | "unmatched_relation"
  | "conflicting_many_to_many"
  | "junction_name_clash"
  | "set_null_on_not_null"
  | "duplicate_field"
  | "duplicate_sql_name"
  | "duplicate_enum_name"
  | "unknown_index_column"
  | "unknown_check_column"
  | "auth_table_foreign_key";

export interface SchemaErrorDetails {
  readonly code: SchemaErrorCode;
  /** TS name of the table at fault. */
  readonly table: string;
  /** Field (or index/check name) at fault, when the problem is narrower than the table. */
  readonly field?: string;
  /** What is wrong, without the "how to fix". */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Thrown by `schema(...)` when the schema cannot be resolved. The message names the table, the
 * field and the fix, so it is useful as-is in a build log.
 *
 * @example
 * try {
 *   schema({ tasks: table({ id: v.uuid(), project: v.one("projectz") }) });
 * } catch (error) {
 *   if (error instanceof SchemaError) console.error(error.code, error.table, error.field);
 * }
 */
export class SchemaError extends Error {
  readonly code: SchemaErrorCode;
  readonly table: string;
  readonly field: string | undefined;
  readonly fix: string;

  constructor(details: SchemaErrorDetails) {
    const where =
      details.field === undefined
        ? `table "${details.table}"`
        : `table "${details.table}", field "${details.field}"`;
    super(`Schema error in ${where}: ${details.problem}. Fix: ${details.fix}`);
    this.name = "SchemaError";
    this.code = details.code;
    this.table = details.table;
    this.field = details.field;
    this.fix = details.fix;
  }
}
