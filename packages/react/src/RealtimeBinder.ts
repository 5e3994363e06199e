import type { AppflareError, Subscription } from "@appflare/client";
import type { InfiniteData, Query, QueryCacheNotifyEvent, QueryClient } from "@tanstack/react-query";
import { REALTIME_META } from "./appflareKeys";
import { routeByName } from "./routeByName";

/** Per-hook callbacks of `realtime: { onChange, onError }`. */
export interface RealtimeCallbacks {
  onChange?(data: unknown): void;
  onError?(error: AppflareError): void;
}

/** Turns a page param into that page's args (from `useInfiniteQuery`). */
export type PageArgs = (pageParam: unknown, args: unknown) => unknown;

/**
 * Keeps live queries of one QueryClient subscribed: a query marked realtime subscribes when it enters
 * the cache and unsubscribes when the cache removes it (garbage collection), and every push is written
 * into the cache with `setQueryData`. An infinite query gets one subscription per loaded page.
 *
 * @example
 * const binder = new RealtimeBinder(queryClient, appflare.queries);
 * const stop = binder.start();
 */
export class RealtimeBinder {
  readonly #queryClient: QueryClient;
  readonly #queries: object;
  /** queryHash → live subscriptions (one for a query; one per page param JSON for an infinite query). */
  readonly #live = new Map<string, Map<string, Subscription>>();
  readonly #callbacks = new Map<string, Set<RealtimeCallbacks>>();
  readonly #pageArgs = new Map<string, PageArgs>();

  constructor(queryClient: QueryClient, queries: object) {
    this.#queryClient = queryClient;
    this.#queries = queries;
  }

  /** Binds to the cache (queries already in it included); returns the unbind. */
  start(): () => void {
    const cache = this.#queryClient.getQueryCache();
    for (const query of cache.getAll()) this.#sync(query);
    const stop = cache.subscribe((event: QueryCacheNotifyEvent) => {
      if (event.type === "removed") this.#drop(event.query.queryHash);
      else if (event.type === "added" || event.type === "updated") this.#sync(event.query);
    });
    return () => {
      stop();
      for (const hash of [...this.#live.keys()]) this.#drop(hash);
    };
  }

  /** Adds a hook's callbacks for query `hash`; returns the removal. */
  listen(hash: string, callbacks: RealtimeCallbacks): () => void {
    const set = this.#callbacks.get(hash) ?? new Set();
    this.#callbacks.set(hash, set);
    set.add(callbacks);
    return () => set.delete(callbacks);
  }

  /** Registers how an infinite query's page params become args (kept until the query is removed). */
  setPageArgs(hash: string, pageArgs: PageArgs): void {
    this.#pageArgs.set(hash, pageArgs);
  }

  #sync(query: Query): void {
    const key = query.queryKey;
    if (key[0] !== "appflare" || !query.meta?.[REALTIME_META]) return;
    const [, kind, name, args] = key as readonly [string, string, string, unknown];
    if (kind === "query") this.#ensure(query.queryHash, "", name, args, (data) => this.#write(query, data));
    else if (kind === "infinite") this.#syncPages(query, name, args);
  }

  #syncPages(query: Query, name: string, args: unknown): void {
    const pageArgs = this.#pageArgs.get(query.queryHash);
    const data = query.state.data as InfiniteData<unknown> | undefined;
    if (!pageArgs || !data) return;
    const wanted = new Set(data.pageParams.map(pageKey));
    const live = this.#live.get(query.queryHash);
    for (const [param, sub] of live ?? []) {
      if (!wanted.has(param)) {
        sub.remove();
        live?.delete(param);
      }
    }
    for (const pageParam of data.pageParams) {
      const param = pageKey(pageParam);
      this.#ensure(query.queryHash, param, name, pageArgs(pageParam, args), (page) =>
        this.#queryClient.setQueryData<InfiniteData<unknown>>(query.queryKey, (old) =>
          old
            ? {
                ...old,
                pages: old.pages.map((p, i) => (pageKey(old.pageParams[i]) === param ? page : p)),
              }
            : old,
        ),
      );
    }
  }

  #ensure(hash: string, param: string, name: string, args: unknown, write: (data: unknown) => void): void {
    const live = this.#live.get(hash) ?? new Map<string, Subscription>();
    this.#live.set(hash, live);
    if (live.has(param)) return;
    const sub = routeByName(this.#queries, name).subscribe({
      args,
      onChange: (data: unknown) => {
        write(data);
        for (const cb of this.#callbacks.get(hash) ?? []) cb.onChange?.(data);
      },
      onError: (error: AppflareError) => {
        for (const cb of this.#callbacks.get(hash) ?? []) cb.onError?.(error);
      },
    });
    live.set(param, sub);
  }

  #write(query: Query, data: unknown): void {
    this.#queryClient.setQueryData(query.queryKey, data);
  }

  #drop(hash: string): void {
    for (const sub of this.#live.get(hash)?.values() ?? []) sub.remove();
    this.#live.delete(hash);
    this.#pageArgs.delete(hash);
  }
}

/** A page param as a map key; `undefined` (a first page without a cursor) is `"null"`, like `null`. */
function pageKey(pageParam: unknown): string {
  return JSON.stringify(pageParam) ?? "null";
}
