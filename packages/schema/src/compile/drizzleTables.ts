import { type SQL, sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  type SQLiteColumnBuilderBase,
  type SQLiteTable,
  type SQLiteTableExtraConfigValue,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { ColumnModel, ForeignKeyAction, SchemaModel, TableModel } from "../model";
import { sqlLiteral } from "./sqlLiteral";

type Columns = Record<string, AnySQLiteColumn>;

/**
 * The chainable part of a Drizzle column builder. Drizzle's builder generics differ per column kind and
 * do not unify, so the builders are handled through this structural view.
 */
interface ColumnChain extends SQLiteColumnBuilderBase {
  primaryKey(config?: { autoIncrement?: boolean }): ColumnChain;
  notNull(): ColumnChain;
  default(value: SQL): ColumnChain;
  unique(name?: string): ColumnChain;
  references(
    ref: () => AnySQLiteColumn,
    actions?: { onDelete?: ForeignKeyAction; onUpdate?: ForeignKeyAction },
  ): ColumnChain;
}

const chain = (builder: SQLiteColumnBuilderBase): ColumnChain => builder as ColumnChain;

/**
 * Drizzle SQLite tables for every table of the model (auth and junction tables included), keyed by TS
 * name, with SQL names, keys, FKs and their actions, SQL defaults, uniques, indexes and checks — the
 * input drizzle-kit generates migrations from. Runtime defaults (`defaultFn`) are left to `ctx.db`.
 *
 * @example
 * const tables = drizzleTables(s.model);
 * db.select().from(tables.tasks);
 */
export function drizzleTables(model: SchemaModel): Record<string, SQLiteTable> {
  const tables: Record<string, SQLiteTable> = {};
  const column = (table: string, field: string): AnySQLiteColumn => {
    const found = (tables[table] as unknown as Columns | undefined)?.[field];
    if (found === undefined) throw new Error(`internal: no Drizzle column ${table}.${field}`);
    return found;
  };
  for (const table of Object.values(model.tables)) {
    const builders: Record<string, SQLiteColumnBuilderBase> = {};
    for (const model of Object.values(table.columns))
      builders[model.name] = columnBuilder(table, model, column);
    tables[table.name] = sqliteTable(table.sqlName, builders, (self) => extras(table, self as Columns));
  }
  return tables;
}

function columnBuilder(
  table: TableModel,
  model: ColumnModel,
  lookup: (table: string, field: string) => AnySQLiteColumn,
): SQLiteColumnBuilderBase {
  const name = model.sqlName;
  const singleKey = model.primaryKey && table.compositeKey === undefined;
  let builder: ColumnChain;
  switch (model.type) {
    case "int":
      builder = chain(integer(name));
      break;
    case "real":
      builder = chain(real(name));
      break;
    case "boolean":
      builder = chain(integer(name, { mode: "boolean" }));
      break;
    case "date":
      builder = chain(integer(name, { mode: "timestamp_ms" }));
      break;
    case "enum":
      builder = chain(text(name, { enum: (model.enumValues ?? [""]) as [string, ...string[]] }));
      break;
    case "json":
    case "enumArray":
      builder = chain(text(name, { mode: "json" }));
      break;
    case "string":
    case "uuid":
      builder = chain(text(name, model.length === undefined ? {} : { length: model.length }));
      break;
  }
  if (singleKey)
    builder = builder.primaryKey(model.type === "int" ? { autoIncrement: model.autoIncrement } : {});
  if (model.notNull && !singleKey) builder = builder.notNull();
  if (model.hasSqlDefault) builder = builder.default(sql.raw(sqlLiteral(model, model.sqlDefault)));
  if (model.unique !== false) builder = builder.unique(model.unique);
  const reference = model.references;
  if (reference !== undefined) {
    const actions = {
      ...(reference.onDelete === undefined ? {} : { onDelete: reference.onDelete }),
      ...(reference.onUpdate === undefined ? {} : { onUpdate: reference.onUpdate }),
    };
    builder = builder.references(() => lookup(reference.table, reference.column), actions);
  }
  return builder;
}

function extras(table: TableModel, self: Columns): SQLiteTableExtraConfigValue[] {
  const pick = (field: string): AnySQLiteColumn => {
    const found = self[field];
    if (found === undefined) throw new Error(`internal: no Drizzle column ${table.name}.${field}`);
    return found;
  };
  const config: SQLiteTableExtraConfigValue[] = [];
  if (table.compositeKey !== undefined) {
    const [first, second] = table.compositeKey;
    config.push(primaryKey({ columns: [pick(first), pick(second)] }));
  }
  for (const column of Object.values(table.columns)) {
    if (column.index !== false) config.push(index(column.index).on(pick(column.name)));
  }
  for (const tableIndex of table.indexes) {
    const [first, ...rest] = tableIndex.columns.map(pick);
    if (first === undefined) continue;
    const make = tableIndex.unique ? uniqueIndex : index;
    config.push(make(tableIndex.name).on(first, ...rest));
  }
  for (const constraint of table.checks) config.push(check(constraint.name, sql.raw(constraint.sql)));
  return config;
}
