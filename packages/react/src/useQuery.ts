import type { AnyQueryHandle, AppflareError, InferRouteOutput } from "@appflare/client";
import {
  hashKey,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery as useTanstackQuery,
} from "@tanstack/react-query";
import { useAppflareContext } from "./AppflareContext";
import type { ArgsThenOptions, RealtimeOption } from "./HookTypes";
import { liveQueryOptions } from "./liveQueryOptions";
import { useRealtimeCallbacks } from "./useRealtimeCallbacks";

/** Options of {@link useQuery}: TanStack's, plus `realtime`. */
export type AppflareQueryOptions<R extends AnyQueryHandle> = Omit<
  UseQueryOptions<InferRouteOutput<R>, AppflareError>,
  "queryKey" | "queryFn"
> & { readonly realtime?: RealtimeOption<InferRouteOutput<R>> };

/**
 * TanStack's `useQuery` for an Appflare query route. With `realtime`, the query subscribes over the
 * client's socket while it is in the cache, and every push lands in the cache.
 *
 * @example
 * const { data, error, isPending } = useQuery(appflare.queries.tasks.list, { projectId }, { realtime: true });
 */
export function useQuery<R extends AnyQueryHandle>(
  route: R,
  ...[args, options]: ArgsThenOptions<R, AppflareQueryOptions<R>>
): UseQueryResult<InferRouteOutput<R>, AppflareError> {
  const { binder } = useAppflareContext();
  const { realtime, ...rest } = options ?? {};
  useRealtimeCallbacks(binder, hashKey(route.queryKey(args)), realtime);
  return useTanstackQuery(
    liveQueryOptions<InferRouteOutput<R>, typeof rest>(route, args, realtime, rest),
  ) as UseQueryResult<InferRouteOutput<R>, AppflareError>;
}
