import type { AnyQueryHandle, InferRouteInput, InferRouteOutput } from "@appflare/client";
import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Typed access to cached query results by route (`useAppflareCache()`, and the `cache` given to
 * `useMutation`'s `optimistic` / `updateCache`). Without `args`, `update` and `invalidate` reach every
 * cached args of the route.
 */
export interface AppflareCache {
  get<R extends AnyQueryHandle>(route: R, args?: InferRouteInput<R>): InferRouteOutput<R> | undefined;
  set<R extends AnyQueryHandle>(
    route: R,
    args: InferRouteInput<R> | undefined,
    data: InferRouteOutput<R>,
  ): void;
  update<R extends AnyQueryHandle>(
    route: R,
    args: InferRouteInput<R> | undefined,
    updater: (old: InferRouteOutput<R>) => InferRouteOutput<R>,
  ): void;
  invalidate<R extends AnyQueryHandle>(route: R, args?: InferRouteInput<R>): Promise<void>;
}

/** Called with the key and data a write replaced, before it writes (optimistic rollback records it). */
export type BeforeWrite = (queryKey: QueryKey, previous: unknown) => void;

/**
 * The cache helpers over a QueryClient.
 *
 * @example
 * const cache = createAppflareCache(queryClient);
 * cache.update(appflare.queries.tasks.list, { projectId }, (rows) => [...rows, draft]);
 */
export function createAppflareCache(queryClient: QueryClient, beforeWrite?: BeforeWrite): AppflareCache {
  const write = (queryKey: QueryKey, next: (old: unknown) => unknown) => {
    const previous = queryClient.getQueryData(queryKey);
    beforeWrite?.(queryKey, previous);
    queryClient.setQueryData(queryKey, next(previous));
  };
  return {
    get: (route, args) => queryClient.getQueryData(route.queryKey(args) as QueryKey),
    set: (route, args, data) => write(route.queryKey(args) as QueryKey, () => data),
    update(route, args, updater) {
      const keys =
        args === undefined
          ? queryClient.getQueriesData({ queryKey: route.queryKey() as QueryKey }).map(([key]) => key)
          : [route.queryKey(args) as QueryKey];
      for (const key of keys) {
        // Nothing cached there yet: there is nothing to update (the fetch will bring the server's data).
        if (queryClient.getQueryData(key) !== undefined) write(key, (old) => updater(old as never));
      }
    },
    invalidate: (route, args) =>
      queryClient.invalidateQueries({ queryKey: route.queryKey(args) as QueryKey }),
  };
}
