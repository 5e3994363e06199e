import { QueryClient, type QueryClientConfig } from "@tanstack/react-query";

/** A synchronous key/value store: `localStorage`, or an adapter over AsyncStorage's cache. */
export interface PersistStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Options of {@link createAppflareQueryClient}. */
export interface AppflareQueryClientOptions extends QueryClientConfig {
  /**
   * Persists Appflare query results across reloads with TanStack's persister
   * (`@tanstack/query-sync-storage-persister` + `@tanstack/query-persist-client-core`, optional peers
   * loaded only when this is set).
   */
  readonly persist?: {
    readonly storage: PersistStorage;
    /** Storage key. Default `appflare-query-cache`. */
    readonly key?: string;
    /** Bump when the app's data shapes change: a cache written under another buster is discarded. */
    readonly buster?: string;
    /** Oldest cache restored, ms. Default 24 h. */
    readonly maxAge?: number;
  };
}

/** Restorations in flight, so tests and splash screens can wait for them. */
const restoring = new WeakMap<QueryClient, Promise<void>>();

/**
 * A QueryClient with Appflare's defaults (`gcTime` 5 min, one retry, and no retry of 4xx errors:
 * they will not succeed by repeating), optionally persisted.
 *
 * @example
 * const queryClient = createAppflareQueryClient({ persist: { storage: localStorage, buster: "v2" } });
 */
export function createAppflareQueryClient(options: AppflareQueryClientOptions = {}): QueryClient {
  const { persist, ...config } = options;
  const queryClient = new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: {
        retry: (count, error) => count < 1 && !isClientError(error),
        ...config.defaultOptions?.queries,
      },
    },
  });
  if (persist) restoring.set(queryClient, startPersistence(queryClient, persist));
  return queryClient;
}

/**
 * Resolves once a persisted QueryClient restored its cache (at once for one without persistence).
 *
 * @example
 * await whenRestored(queryClient);
 */
export function whenRestored(queryClient: QueryClient): Promise<void> {
  return restoring.get(queryClient) ?? Promise.resolve();
}

function isClientError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

type PersistedClient = Parameters<
  typeof import("@tanstack/query-persist-client-core").persistQueryClient
>[0]["queryClient"];

async function startPersistence(
  queryClient: QueryClient,
  persist: NonNullable<AppflareQueryClientOptions["persist"]>,
): Promise<void> {
  const [{ persistQueryClient }, { createSyncStoragePersister }] = await Promise.all([
    import("@tanstack/query-persist-client-core"),
    import("@tanstack/query-sync-storage-persister"),
  ]);
  const persister = createSyncStoragePersister({
    storage: persist.storage,
    key: persist.key ?? "appflare-query-cache",
    throttleTime: 0,
  });
  const [, restored] = persistQueryClient({
    // The same QueryClient class, typed from the persister's own copy of query-core's declarations.
    queryClient: queryClient as unknown as PersistedClient,
    persister,
    buster: persist.buster ?? "",
    maxAge: persist.maxAge ?? 24 * 3600_000,
    dehydrateOptions: {
      shouldDehydrateQuery: (query) => query.queryKey[0] === "appflare" && query.state.status === "success",
    },
  });
  await restored;
}
