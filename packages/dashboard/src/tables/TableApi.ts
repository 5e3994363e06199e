import { InvalidQueryError } from "@appflare/server";

/** A row as `ctx.db` returns it. */
export type DbRow = Record<string, unknown>;

/**
 * `ctx.db.<table>` seen without the app's schema types: the dashboard works on any table by name, and
 * `ctx.db` still validates every argument at run time (an unknown field is `invalid_query`).
 */
export interface TableApi {
  findMany(args: object): Promise<DbRow[]>;
  findFirst(args: object): Promise<DbRow | null>;
  count(args?: object): Promise<number>;
  insert(args: { values: object }): Promise<DbRow[]>;
  update(args: object): Promise<DbRow[]>;
  delete(args: object): Promise<DbRow[]>;
}

/**
 * `ctx.db[name]` as a {@link TableApi}.
 *
 * @example
 * const posts = tableApi(ctx.db, "posts");
 * await posts.count();
 */
export function tableApi(db: object, name: string): TableApi {
  const table = (db as Record<string, unknown>)[name];
  if (typeof table !== "object" || table === null) {
    throw new InvalidQueryError(`Unknown table "${name}"`);
  }
  return table as TableApi;
}
