export { AppflareProvider, type AppflareProviderProps } from "./AppflareProvider";
export { type AppflareCache, createAppflareCache } from "./createAppflareCache";
export {
  type AppflareQueryClientOptions,
  createAppflareQueryClient,
  type PersistStorage,
  whenRestored,
} from "./createAppflareQueryClient";
export type { ArgsThenOptions, RealtimeOption } from "./HookTypes";
export { useAppflareCache } from "./useAppflareCache";
export { type AppflareInfiniteQueryOptions, useInfiniteQuery } from "./useInfiniteQuery";
export { type AppflareMutationOptions, useMutation } from "./useMutation";
export { type AppflareQueryOptions, useQuery } from "./useQuery";
export { type AppflareSuspenseQueryOptions, useSuspenseQuery } from "./useSuspenseQuery";
