import type { ColumnModel, TableModel } from "@appflare/schema";
import { describeValue } from "@appflare/schema/internal";
import { ident, join, raw, type Sql, sql } from "../sql";
import { columnOf, tableOf } from "../where/modelLookup";
import { refusePrivateField } from "../where/refusePrivateField";
import { columnRef } from "../where/sqlText";
import { invalidQuery } from "../where/toInvalidQuery";
import type { SqlScope } from "../where/WhereScope";

/** A resolved aggregate `field`: the column, the SQL expression reaching it, and the joins it needs. */
export interface FieldPath {
  readonly column: ColumnModel;
  readonly expression: Sql;
  /** `LEFT JOIN …` clauses (empty for a column of the table itself). */
  readonly joins: Sql;
  /** Tables joined through `one` relations (recorded as table-level reads). */
  readonly joinedTables: readonly string[];
}

/**
 * Resolves an aggregate's `field`: a column of the table, or a `relation.column` path through `one`
 * relations (`"project.budget"`, chains allowed), each hop a LEFT JOIN so rows without the related
 * row still count (their value is NULL). `accept` says which column types the aggregate takes.
 *
 * @example
 * resolveFieldPath(scope, tasks, "t0", "project.budget", "sum", (c) => c.type === "real" || c.type === "int");
 */
export function resolveFieldPath(
  scope: SqlScope,
  table: TableModel,
  alias: string,
  field: unknown,
  label: string,
  accept: (column: ColumnModel) => boolean,
  kinds: string,
): FieldPath {
  if (typeof field !== "string" || field === "") {
    invalidQuery(
      `field of ${label} must be a column name or a "relation.column" path, got ${describeValue(field)}`,
    );
  }
  const parts = field.split(".");
  let current = table;
  let currentAlias = alias;
  const joins: Sql[] = [];
  const joinedTables: string[] = [];
  for (const name of parts.slice(0, -1)) {
    const relation = Object.hasOwn(current.relations, name) ? current.relations[name] : undefined;
    if (relation === undefined || relation.kind !== "one") {
      refusePrivateField(current, name, `field "${field}" of ${label}`);
      const ones = Object.values(current.relations)
        .filter((r) => r.kind === "one")
        .map((r) => r.name);
      invalidQuery(
        `field "${field}" of ${label}: "${name}" is not a one relation of table "${current.name}"`,
        `Paths follow one relations only${ones.length > 0 ? ` (${ones.join(", ")})` : ""}; aggregate over a many relation with with: { rel: { _count: true } }.`,
      );
    }
    const target = tableOf(scope, relation.target);
    const next = scope.alias();
    joins.push(
      sql` LEFT JOIN ${ident(target.sqlName)} AS ${ident(next)} ON ${columnRef(next, columnOf(target, relation.targetField))} = ${columnRef(currentAlias, columnOf(current, relation.sourceField))}`,
    );
    joinedTables.push(target.name);
    current = target;
    currentAlias = next;
  }
  const last = parts[parts.length - 1]!;
  const column = Object.hasOwn(current.columns, last) ? current.columns[last] : undefined;
  if (column === undefined || !accept(column)) {
    refusePrivateField(current, last, `field "${field}" of ${label}`);
    const allowed = Object.values(current.columns)
      .filter(accept)
      .map((c) => c.name);
    invalidQuery(
      `field "${field}" of ${label} is not a ${kinds} column of table "${current.name}"`,
      `Columns: ${allowed.join(", ") || "(none)"}.`,
    );
  }
  return {
    column,
    expression: columnRef(currentAlias, column),
    joins: joins.length > 0 ? join(joins, "") : raw(""),
    joinedTables,
  };
}
