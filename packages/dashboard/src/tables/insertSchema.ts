import { type AnySchema, compileSchema, type TableModel } from "@appflare/schema";
import type * as z from "zod";

const compiled = new WeakMap<AnySchema, ReturnType<typeof compileSchema>>();

/**
 * The schema's Zod insert validation of `table` (what `ctx.db.insert` accepts), compiled once per
 * schema and isolate.
 *
 * @example
 * insertSchema(host.schema, posts).safeParse({ title: "Hi" });
 */
export function insertSchema(schema: AnySchema, table: TableModel): z.ZodType {
  let found = compiled.get(schema);
  if (!found) {
    found = compileSchema(schema);
    compiled.set(schema, found);
  }
  const tables = found.zod as Readonly<Record<string, { readonly insert: z.ZodType }>>;
  const zod = tables[table.name];
  if (!zod) throw new Error(`dashboard: the schema has no Zod schemas for "${table.name}"`);
  return zod.insert;
}
