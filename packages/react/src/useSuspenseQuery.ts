import type { AnyQueryHandle, AppflareError, InferRouteOutput } from "@appflare/client";
import {
  hashKey,
  type UseSuspenseQueryOptions,
  type UseSuspenseQueryResult,
  useSuspenseQuery as useTanstackSuspenseQuery,
} from "@tanstack/react-query";
import { useAppflareContext } from "./AppflareContext";
import type { ArgsThenOptions, RealtimeOption } from "./HookTypes";
import { liveQueryOptions } from "./liveQueryOptions";
import { useRealtimeCallbacks } from "./useRealtimeCallbacks";

/** Options of {@link useSuspenseQuery}. */
export type AppflareSuspenseQueryOptions<R extends AnyQueryHandle> = Omit<
  UseSuspenseQueryOptions<InferRouteOutput<R>, AppflareError>,
  "queryKey" | "queryFn"
> & { readonly realtime?: RealtimeOption<InferRouteOutput<R>> };

/**
 * {@link useQuery} for Suspense: suspends until the first result, `data` is never undefined.
 *
 * @example
 * const { data } = useSuspenseQuery(appflare.queries.tasks.list, { projectId });
 */
export function useSuspenseQuery<R extends AnyQueryHandle>(
  route: R,
  ...[args, options]: ArgsThenOptions<R, AppflareSuspenseQueryOptions<R>>
): UseSuspenseQueryResult<InferRouteOutput<R>, AppflareError> {
  const { binder } = useAppflareContext();
  const { realtime, ...rest } = options ?? {};
  useRealtimeCallbacks(binder, hashKey(route.queryKey(args)), realtime);
  return useTanstackSuspenseQuery(
    liveQueryOptions<InferRouteOutput<R>, typeof rest>(route, args, realtime, rest),
  ) as UseSuspenseQueryResult<InferRouteOutput<R>, AppflareError>;
}
