import type {
  AnyMutationHandle,
  AnyQueryHandle,
  AppflareError,
  InferRouteInput,
  InferRouteOutput,
} from "@appflare/client";
import {
  type QueryKey,
  type UseMutationOptions,
  type UseMutationResult,
  useQueryClient,
  useMutation as useTanstackMutation,
} from "@tanstack/react-query";
import { type AppflareCache, createAppflareCache } from "./createAppflareCache";
import { unwrap } from "./unwrap";

/** What `optimistic` wrote, to put back if the mutation fails. */
interface Rollback {
  readonly restore: () => void;
}

/** Options of {@link useMutation}: TanStack's, plus the Appflare cache hooks. */
export type AppflareMutationOptions<R extends AnyMutationHandle> = Omit<
  UseMutationOptions<InferRouteOutput<R>, AppflareError, InferRouteInput<R>, Rollback>,
  "mutationFn" | "mutationKey" | "onMutate"
> & {
  /** Edits the cache before the request; every edit is rolled back if the mutation fails. */
  readonly optimistic?: (args: InferRouteInput<R>, cache: AppflareCache) => void;
  /** Writes the server's result into the cache after success. */
  readonly updateCache?: (
    result: InferRouteOutput<R>,
    args: InferRouteInput<R>,
    cache: AppflareCache,
  ) => void;
  /** Query routes to refetch once the mutation settled (every cached args of each). */
  readonly invalidates?: readonly AnyQueryHandle[];
};

/**
 * TanStack's `useMutation` for an Appflare mutation route, with optimistic updates rolled back on
 * error, `updateCache` and `invalidates`.
 *
 * @example
 * const create = useMutation(appflare.mutations.tasks.create, {
 *   optimistic: (args, cache) => cache.update(appflare.queries.tasks.list, { projectId }, (rows) => [...rows, { id: -1, ...args }]),
 *   invalidates: [appflare.queries.tasks.list],
 * });
 */
export function useMutation<R extends AnyMutationHandle>(
  route: R,
  options: AppflareMutationOptions<R> = {},
): UseMutationResult<InferRouteOutput<R>, AppflareError, InferRouteInput<R>, Rollback> {
  const queryClient = useQueryClient();
  const { optimistic, updateCache, invalidates, onError, onSuccess, onSettled, ...rest } = options;
  return useTanstackMutation<InferRouteOutput<R>, AppflareError, InferRouteInput<R>, Rollback>({
    ...rest,
    mutationKey: route.mutationKey() as QueryKey,
    mutationFn: (args) => unwrap(route.run(args)),
    onMutate: async (args) => {
      if (!optimistic) return { restore: () => {} };
      const saved = new Map<string, { key: QueryKey; previous: unknown }>();
      const recording = createAppflareCache(queryClient, (key, previous) => {
        const id = JSON.stringify(key);
        if (!saved.has(id)) saved.set(id, { key, previous });
      });
      // A refetch landing after the optimistic edit would overwrite it with pre-mutation data.
      await queryClient.cancelQueries({ queryKey: ["appflare", "query"] });
      optimistic(args, recording);
      return {
        restore: () => {
          for (const { key, previous } of saved.values()) queryClient.setQueryData(key, previous);
        },
      };
    },
    onError: (error, args, rollback, context) => {
      rollback?.restore();
      return onError?.(error, args, rollback, context);
    },
    onSuccess: (result, args, rollback, context) => {
      updateCache?.(result, args, createAppflareCache(queryClient));
      return onSuccess?.(result, args, rollback, context);
    },
    onSettled: async (result, error, args, rollback, context) => {
      await Promise.all(
        (invalidates ?? []).map((q) => queryClient.invalidateQueries({ queryKey: q.queryKey() as QueryKey })),
      );
      return onSettled?.(result, error, args, rollback, context);
    },
  });
}
