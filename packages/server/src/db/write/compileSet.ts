import type { ColumnModel, RelationModel, TableModel } from "@appflare/schema";
import { describeValue, isPlainObject } from "@appflare/schema/internal";
import { InvalidQueryError } from "../../errors/AppflareError";
import { encodeValue } from "../codec";
import { isWriteOperator, operatorKind, type WriteOperator } from "../operators";
import { ident, param, raw, type Sql, sql } from "../sql";
import { refusePrivateField } from "../where/refusePrivateField";
import { validateColumnValue } from "./validateColumnValue";

/** A `manyToMany` field of an update's `set`: link (merge) or replace (overwrite) the linked rows. */
export interface ManyToManySet {
  readonly relation: RelationModel;
  readonly items: readonly unknown[];
  readonly mode: "merge" | "overwrite";
}

/** A compiled `set`: column assignments and relation link changes. */
export interface CompiledSet {
  readonly assignments: Sql[];
  readonly manyToMany: ManyToManySet[];
}

/**
 * Compiles the `set` of an update (or upsert): plain values (validated, encoded), operators
 * (`increment`, `decrement`, `now`, `raw`), a `one` relation given the target's key (sets the FK),
 * and — update only — `manyToMany` relations as `{ items, mode }` or a bare array (merge).
 * Column references in operators read the row being updated (in an upsert, the existing row).
 */
export function compileSet(table: TableModel, set: unknown, operation: "update" | "upsert"): CompiledSet {
  if (!isPlainObject(set)) {
    throw new InvalidQueryError(
      `${operation} on "${table.name}": set must be an object of fields, got ${describeValue(set)}`,
    );
  }
  const assignments: Sql[] = [];
  const manyToMany: ManyToManySet[] = [];
  for (const key of Object.keys(set)) {
    const value = set[key];
    if (value === undefined) continue;
    const column = Object.hasOwn(table.columns, key) ? table.columns[key] : undefined;
    if (column) {
      assignments.push(sql`${ident(column.sqlName)} = ${columnValue(table, column, value, operation)}`);
      continue;
    }
    const relation = Object.hasOwn(table.relations, key) ? table.relations[key] : undefined;
    if (relation === undefined) {
      refusePrivateField(table, key, `set of ${operation} on "${table.name}"`);
      const relations = Object.keys(table.relations);
      throw new InvalidQueryError(
        `Unknown field "${key}" in set of ${operation} on "${table.name}". Known fields: ` +
          `${Object.keys(table.columns).join(", ")}${relations.length > 0 ? `; relations: ${relations.join(", ")}` : ""}`,
      );
    }
    if (relation.kind === "one") {
      assignments.push(oneRelation(table, relation, value, operation));
    } else if (relation.kind === "manyToMany" && operation === "update") {
      manyToMany.push(manyToManyChange(table, relation, value));
    } else {
      throw new InvalidQueryError(
        relation.kind === "many"
          ? `set.${key} of ${operation} on "${table.name}": a "many" relation is changed from the other side; ` +
              `update "${relation.target}" rows' "${relation.targetField}" instead`
          : `set.${key} of upsert on "${table.name}": upsert does not change manyToMany links; use update`,
      );
    }
  }
  return { assignments, manyToMany };
}

function columnValue(table: TableModel, column: ColumnModel, value: unknown, operation: string): Sql {
  if (!isWriteOperator(value)) {
    if (value !== null) validateColumnValue(table, column, value);
    return param(encodeValue(column, value));
  }
  return operatorSql(table, column, value, operation);
}

function operatorSql(
  table: TableModel,
  column: ColumnModel,
  operator: WriteOperator,
  operation: string,
): Sql {
  const name = `${table.name}.${column.name}`;
  const kind = operatorKind(operator);
  const self = ident(column.sqlName);
  if (kind === "raw") return sql`(${raw((operator as { text: string }).text)})`;
  if (kind === "now") {
    if (column.type === "date" || column.type === "int") {
      return raw("CAST(unixepoch('subsec') * 1000 AS INTEGER)");
    }
    if (column.type === "string") return raw("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    throw new InvalidQueryError(
      `now() in ${operation} of "${name}": only date, int and string columns take now()`,
    );
  }
  const by = (operator as { by: number }).by;
  if (column.type !== "int" && column.type !== "real") {
    throw new InvalidQueryError(
      `${kind}() in ${operation} of "${name}": only int and real columns can be ${kind}ed`,
    );
  }
  if (column.type === "int" && !Number.isSafeInteger(by)) {
    throw new InvalidQueryError(
      `${kind}(${by}) in ${operation} of "${name}": an int column takes whole amounts`,
    );
  }
  return sql`${self} ${raw(kind === "increment" ? "+" : "-")} ${param(by)}`;
}

function oneRelation(table: TableModel, relation: RelationModel, value: unknown, operation: string): Sql {
  const fk = table.columns[relation.sourceField]!;
  const target = table.schema.tables[relation.target]!;
  if (value !== null && (isPlainObject(value) || isWriteOperator(value) || Array.isArray(value))) {
    throw new InvalidQueryError(
      `set.${relation.name} of ${operation} on "${table.name}" takes a "${target.name}.${relation.targetField}" ` +
        `value (or null); create the "${target.name}" row first, or use insert for nested writes`,
    );
  }
  if (value !== null) validateColumnValue(target, target.columns[relation.targetField]!, value);
  return sql`${ident(fk.sqlName)} = ${param(encodeValue(fk, value))}`;
}

function manyToManyChange(table: TableModel, relation: RelationModel, value: unknown): ManyToManySet {
  if (Array.isArray(value)) return { relation, items: value, mode: "merge" };
  if (isPlainObject(value) && Array.isArray(value.items)) {
    const mode = value.mode ?? "merge";
    const extra = Object.keys(value).filter((k) => k !== "items" && k !== "mode");
    if ((mode === "merge" || mode === "overwrite") && extra.length === 0) {
      return { relation, items: value.items, mode };
    }
  }
  throw new InvalidQueryError(
    `set.${relation.name} of update on "${table.name}" takes an array of "${relation.target}" ids or objects, ` +
      `or { items: [...], mode: "merge" | "overwrite" }; got ${describeValue(value)}`,
  );
}
