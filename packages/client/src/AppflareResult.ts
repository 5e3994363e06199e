import type { AppflareError } from "./AppflareError";

/**
 * What `run` and the storage helpers resolve to: exactly one of `data` and `error` is set. They never
 * throw on an HTTP or network error.
 *
 * @example
 * const { data, error } = await appflare.queries.tasks.list.run({ projectId });
 * if (error) return console.warn(error.status, error.message);
 * data.length;
 */
export type AppflareResult<T> =
  | { readonly data: T; readonly error: null }
  | { readonly data: null; readonly error: AppflareError };
