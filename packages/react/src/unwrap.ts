import type { AppflareResult } from "@appflare/client";

/**
 * `{ data, error }` → data, or the `AppflareError` thrown: TanStack Query learns of failures by a
 * rejected `queryFn` / `mutationFn`.
 *
 * @example
 * queryFn: () => unwrap(route.run(args))
 */
export async function unwrap<T>(result: Promise<AppflareResult<T>>): Promise<T> {
  const { data, error } = await result;
  if (error) throw error;
  return data as T;
}
