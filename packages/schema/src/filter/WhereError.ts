/**
 * A `where`, `orderBy` or `columns` argument that Appflare refuses. The server maps it to
 * HTTP 400 `{ code: "invalid_query", message }`, so the message is written for the app developer:
 * it names the table, the field or operator at fault, and how to fix it.
 *
 * @example
 * try {
 *   validateWhere(tasks, { titel: "x" });
 * } catch (error) {
 *   if (error instanceof WhereError) console.log(error.path, error.message);
 *   // ["titel"] 'Unknown field "titel" in where for table "tasks". Did you mean "title"? ...'
 * }
 */
export class WhereError extends Error {
  override readonly name = "WhereError";
  /** The HTTP error code the server answers with. */
  readonly code = "invalid_query";
  /** Keys from the argument's root to the offending value, e.g. `["and", "0", "title", "gte"]`. */
  readonly path: string[];
  /** Table whose fields were in scope at `path` (the relation target inside a relation filter). */
  readonly table: string;

  constructor(message: string, details: { path: readonly string[]; table: string }) {
    super(message);
    this.path = [...details.path];
    this.table = details.table;
  }
}
