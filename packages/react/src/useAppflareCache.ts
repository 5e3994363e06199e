import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { type AppflareCache, createAppflareCache } from "./createAppflareCache";

/**
 * Typed `get` / `set` / `update` / `invalidate` of cached query results by route.
 *
 * @example
 * const cache = useAppflareCache();
 * cache.invalidate(appflare.queries.tasks.list);
 */
export function useAppflareCache(): AppflareCache {
  const queryClient = useQueryClient();
  return useMemo(() => createAppflareCache(queryClient), [queryClient]);
}
