import type { AppflareError } from "./AppflareError";
import type { AppflareResult } from "./AppflareResult";
import type { Subscription } from "./RealtimeConnection";

/**
 * A route of the app's `Api` type (what `ApiFromModules` in `@appflare/server` produces), described
 * structurally so the client needs no server import.
 */
export interface ApiRoute {
  readonly kind: "query" | "mutation";
  readonly name: string;
  readonly input: unknown;
  readonly output: unknown;
}

/** The shape of an app's `Api`: `queries` and `mutations` trees of {@link ApiRoute}s. */
export interface AnyApi {
  readonly queries: object;
  readonly mutations: object;
}

/** `run`'s parameter: optional when every arg is optional (or there are none). */
export type ArgsParam<I> = {} extends I ? [args?: I] : [args: I];

/** `["appflare", "query", name, args?]`: the TanStack Query key of a query (docs/client.md). */
export type AppflareQueryKey<Name extends string = string, I = unknown> =
  | readonly ["appflare", "query", Name]
  | readonly ["appflare", "query", Name, I];

/** Options of `subscribe`. */
export interface SubscribeOptions<I, O> {
  readonly args?: I;
  readonly onChange: (data: O) => void;
  readonly onError?: (error: AppflareError) => void;
}

/** Type carriers read by {@link InferRouteInput} / {@link InferRouteOutput}; absent at run time. */
export interface RouteTypes<I, O> {
  readonly input: I;
  readonly output: O;
}

/** `appflare.queries.<path>`: run it, key it, or subscribe to it. */
export interface QueryHandle<Name extends string, I, O> {
  readonly kind: "query";
  readonly name: Name;
  readonly "~types"?: RouteTypes<I, O>;
  /** `GET /queries/<name>?args=<json>` → `{ data, error }`; never throws on HTTP errors. */
  run(...args: ArgsParam<I>): Promise<AppflareResult<O>>;
  /** `["appflare", "query", name, args?]` for TanStack Query. */
  queryKey(args?: I): AppflareQueryKey<Name, I>;
  /** A live query over the client's one socket: `onChange` gets the first result, then every change. */
  subscribe(options: SubscribeOptions<I, O>): Subscription;
}

/** `appflare.mutations.<path>`. */
export interface MutationHandle<Name extends string, I, O> {
  readonly kind: "mutation";
  readonly name: Name;
  readonly "~types"?: RouteTypes<I, O>;
  /** `POST /mutations/<name>` with a JSON body → `{ data, error }`; never throws on HTTP errors. */
  run(...args: ArgsParam<I>): Promise<AppflareResult<O>>;
  /** `["appflare", "mutation", name]` for TanStack Query's `mutationKey`. */
  mutationKey(): readonly ["appflare", "mutation", Name];
}

/** Any query handle, whatever its types. */
// biome-ignore lint/suspicious/noExplicitAny: the widest handle, used as a constraint only
export type AnyQueryHandle = QueryHandle<string, any, any>;
/** Any mutation handle, whatever its types. */
// biome-ignore lint/suspicious/noExplicitAny: the widest handle, used as a constraint only
export type AnyMutationHandle = MutationHandle<string, any, any>;

type RouteKeys = keyof ApiRoute;

type HandleOf<T> = T extends { readonly kind: "query"; readonly name: infer N extends string }
  ? T extends { readonly input: infer I; readonly output: infer O }
    ? QueryHandle<N, I, O>
    : unknown
  : T extends { readonly kind: "mutation"; readonly name: infer N extends string }
    ? T extends { readonly input: infer I; readonly output: infer O }
      ? MutationHandle<N, I, O>
      : unknown
    : unknown;

/** The client tree for an `Api` subtree: a handle at every route, children by folder. */
export type ClientTree<T> = HandleOf<T> & {
  readonly [K in Exclude<keyof T, RouteKeys>]: ClientTree<T[K]>;
};

/**
 * The args type of a route: a client handle (`typeof appflare.queries.tasks.list`) or an `Api` route.
 *
 * @example
 * type Args = InferRouteInput<typeof appflare.queries.tasks.list>; // { projectId: string; limit?: number }
 */
export type InferRouteInput<R> = R extends { readonly input: infer I }
  ? I
  : R extends { readonly "~types"?: RouteTypes<infer I, unknown> }
    ? I
    : never;

/**
 * The JSON result type of a route (`Date` fields arrive as ISO strings).
 *
 * @example
 * type Tasks = InferRouteOutput<typeof appflare.queries.tasks.list>; // { id: number; title: string }[]
 */
export type InferRouteOutput<R> = R extends { readonly output: infer O }
  ? O
  : R extends { readonly "~types"?: RouteTypes<unknown, infer O> }
    ? O
    : never;
