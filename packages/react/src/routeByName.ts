import type { AnyQueryHandle } from "@appflare/client";

/**
 * The client's handle of query `name` (`"blog/posts/list"` → `queries.blog.posts.list`): the cache
 * keys carry only the name, and the client's proxy turns any path into a handle.
 *
 * @example
 * routeByName(appflare.queries, "tasks/list").subscribe({ args, onChange });
 */
export function routeByName(queries: object, name: string): AnyQueryHandle {
  let node: unknown = queries;
  for (const segment of name.split("/")) node = (node as Record<string, unknown>)[segment];
  return node as AnyQueryHandle;
}
