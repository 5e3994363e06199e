import type { AnyQueryHandle, AppflareError, InferRouteInput, InferRouteOutput } from "@appflare/client";
import {
  hashKey,
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  useInfiniteQuery as useTanstackInfiniteQuery,
} from "@tanstack/react-query";
import { useAppflareContext } from "./AppflareContext";
import { infiniteKey, REALTIME_META } from "./appflareKeys";
import type { RealtimeOption } from "./HookTypes";
import { unwrap } from "./unwrap";
import { useRealtimeCallbacks } from "./useRealtimeCallbacks";

/** Options of {@link useInfiniteQuery}. */
export type AppflareInfiniteQueryOptions<R extends AnyQueryHandle, P> = Omit<
  UseInfiniteQueryOptions<
    InferRouteOutput<R>,
    AppflareError,
    InfiniteData<InferRouteOutput<R>, P>,
    QueryKey,
    P
  >,
  "queryKey" | "queryFn"
> & {
  /** The args of the page at `pageParam` (e.g. `{ ...args, cursor: pageParam }`). */
  readonly pageParamToArgs: (pageParam: P, args: InferRouteInput<R>) => InferRouteInput<R>;
  /** Keeps every loaded page live: one subscription per page. */
  readonly realtime?: RealtimeOption<InferRouteOutput<R>>;
};

/**
 * TanStack's `useInfiniteQuery` for a paged Appflare query (a handler returning
 * `{ rows, nextCursor, hasMore }`). With `realtime`, every loaded page stays live: an edit landing in
 * page 2 updates page 2 in place.
 *
 * @example
 * const feed = useInfiniteQuery(appflare.queries.tasks.page, { projectId }, {
 *   initialPageParam: 0,
 *   pageParamToArgs: (after, args) => ({ ...args, after }),
 *   getNextPageParam: (last) => (last.hasMore ? last.nextCursor : undefined),
 *   realtime: true,
 * });
 */
export function useInfiniteQuery<R extends AnyQueryHandle, P>(
  route: R,
  args: InferRouteInput<R>,
  options: AppflareInfiniteQueryOptions<R, P>,
): UseInfiniteQueryResult<InfiniteData<InferRouteOutput<R>, P>, AppflareError> {
  const { binder } = useAppflareContext();
  const { pageParamToArgs, realtime, ...rest } = options;
  const queryKey = infiniteKey(route.name, args) as QueryKey;
  const hash = hashKey(queryKey);
  const live = realtime !== undefined && realtime !== false;
  // Registered during render: the binder needs it when the first page arrives, possibly before effects.
  if (live)
    binder.setPageArgs(hash, (pageParam, a) => pageParamToArgs(pageParam as P, a as InferRouteInput<R>));
  useRealtimeCallbacks(binder, hash, realtime);
  return useTanstackInfiniteQuery({
    ...(live ? { staleTime: Number.POSITIVE_INFINITY } : {}),
    ...rest,
    ...(live ? { meta: { ...rest.meta, [REALTIME_META]: true } } : {}),
    queryKey,
    queryFn: ({ pageParam }) =>
      unwrap(route.run(pageParamToArgs(pageParam as P, args))) as Promise<InferRouteOutput<R>>,
  });
}
