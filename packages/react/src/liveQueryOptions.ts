import type { AnyQueryHandle } from "@appflare/client";
import type { QueryKey, QueryMeta } from "@tanstack/react-query";
import { REALTIME_META } from "./appflareKeys";
import { unwrap } from "./unwrap";

/**
 * The TanStack options every query hook shares: the route's key, a `queryFn` that throws the
 * `AppflareError`, and with realtime the meta marker the binder looks for and `staleTime: Infinity`
 * by default (pushes keep the data fresh, so refetching on focus or mount would only repeat them).
 *
 * @example
 * useQuery(liveQueryOptions(route, args, realtime, rest));
 */
export function liveQueryOptions<O, T extends { meta?: QueryMeta; staleTime?: unknown }>(
  route: AnyQueryHandle,
  args: unknown,
  realtime: unknown,
  rest: T,
): T & { queryKey: QueryKey; queryFn: () => Promise<O> } {
  const live = realtime !== undefined && realtime !== false;
  return {
    ...(live ? { staleTime: Number.POSITIVE_INFINITY } : {}),
    ...rest,
    ...(live ? { meta: { ...rest.meta, [REALTIME_META]: true } } : {}),
    queryKey: route.queryKey(args) as QueryKey,
    queryFn: () => unwrap(route.run(args)) as Promise<O>,
  };
}
