import type { Relations } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { SchemaModel } from "../model";
import type { Schema } from "../schema";
import type { Insert, Row } from "../types/Row";
import type { AnySchema, TableNames } from "../types/schemaTables";
import { drizzleRelations } from "./drizzleRelations";
import { drizzleTables } from "./drizzleTables";
import { type TableZodSchemas, zodSchemas } from "./zodSchemas";

/** What `compileSchema` returns. */
export interface CompiledSchema<S extends AnySchema = AnySchema> {
  readonly model: SchemaModel;
  /** Drizzle tables by TS name: the app's, the auth tables and the junction tables. */
  readonly tables: Readonly<Record<string, SQLiteTable>>;
  /** Drizzle `relations()` by TS table name. */
  readonly relations: Readonly<Record<string, Relations>>;
  /**
   * Tables plus relations (as `<table>Relations`) in one object: what `drizzle(db, { schema })` takes
   * and what a drizzle-kit schema module exports.
   */
  readonly drizzleSchema: Readonly<Record<string, SQLiteTable | Relations>>;
  /**
   * Zod schemas by table, typed for the app's and the auth tables; junction tables are present at run
   * time as well, untyped.
   */
  readonly zod: { readonly [T in TableNames<S>]: TableZodSchemas<Row<S, T>, Insert<S, T>> };
}

const cache = new WeakMap<Schema, CompiledSchema>();

/**
 * Compiles a schema to Drizzle SQLite tables and relations (for queries and drizzle-kit migrations)
 * and Zod 4 `insert`/`select`/`update` schemas per table. Memoized per schema value.
 *
 * @example
 * const { tables, relations, zod } = compileSchema(schema);
 * const values = zod.tasks.insert.parse(body);
 * await drizzle(env.DB).insert(tables.tasks).values(values);
 */
export function compileSchema<S extends AnySchema>(schema: S): CompiledSchema<S> {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached as CompiledSchema<S>;
  const model = schema.model;
  const tables = drizzleTables(model);
  const relations = drizzleRelations(model, tables);
  const drizzleSchema: Record<string, SQLiteTable | Relations> = { ...tables };
  for (const [name, value] of Object.entries(relations)) {
    const key = `${name}Relations`;
    if (key in drizzleSchema) {
      throw new Error(
        `compileSchema: the table "${key}" clashes with the Drizzle relations of "${name}"; rename it`,
      );
    }
    drizzleSchema[key] = value;
  }
  const zod: Record<string, TableZodSchemas> = {};
  for (const table of Object.values(model.tables)) zod[table.name] = zodSchemas(table);
  const compiled = Object.freeze({
    model,
    tables: Object.freeze(tables),
    relations: Object.freeze(relations),
    drizzleSchema: Object.freeze(drizzleSchema),
    zod: Object.freeze(zod) as unknown as CompiledSchema<S>["zod"],
  });
  cache.set(schema, compiled as unknown as CompiledSchema);
  return compiled;
}
