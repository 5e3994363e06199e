import type { ArgsDef, ArgsInput } from "./args";
import type { AnyHandlerDefinition, HandlerKind } from "./HandlerDefinition";
import type { JsonResult } from "./Jsonify";

/**
 * One callable route in the client's API type. `input` is what the caller sends (Zod input of the
 * args), `output` what it receives (the handler's resolved value, JSON-serialized: `Date` → string).
 */
export interface Route<Kind extends "query" | "mutation", Name extends string, Input, Output> {
  readonly kind: Kind;
  /** The handler name: route `/<kind>s/<name>`, realtime `queryName`. */
  readonly name: Name;
  readonly input: Input;
  readonly output: Output;
}

/** `Route` of a query definition. */
export type QueryRoute<Name extends string, D> = D extends {
  readonly kind: "query";
  readonly args: infer A extends ArgsDef;
  readonly handler: (...params: never[]) => infer R;
}
  ? Route<"query", Name, ArgsInput<A>, JsonResult<Awaited<R>>>
  : never;

/** `Route` of a mutation definition. */
export type MutationRoute<Name extends string, D> = D extends {
  readonly kind: "mutation";
  readonly args: infer A extends ArgsDef;
  readonly handler: (...params: never[]) => infer R;
}
  ? Route<"mutation", Name, ArgsInput<A>, JsonResult<Awaited<R>>>
  : never;

/**
 * Every handler of `typeof modules`, keyed by its name (docs/handlers.md naming, computed at the type level:
 * leading kind folder dropped, `index` stands for its folder).
 */
export type HandlerMap<M> = {
  [E in HandlerEntry<M> as E[0]]: E[1];
};

/** The handlers of one kind in a {@link HandlerMap}. */
export type HandlersOfKind<Map, K extends HandlerKind> = {
  [N in keyof Map as Map[N] extends { readonly kind: K } ? N : never]: Map[N];
};

/**
 * The client's API type: `queries` and `mutations` trees whose leaves are {@link Route}s, nested by
 * the `/`-separated handler name (`queries.blog.posts.list`).
 *
 * @example
 * export const modules = { "blog/posts": m_blog_posts };
 * export type Api = ApiFromModules<typeof modules>;
 * type Posts = Api["queries"]["blog"]["posts"]["list"]["output"];
 */
export type ApiFromModules<M> = {
  readonly queries: RouteTree<RoutesOf<HandlersOfKind<HandlerMap<M>, "query">, "query">>;
  readonly mutations: RouteTree<RoutesOf<HandlersOfKind<HandlerMap<M>, "mutation">, "mutation">>;
};

/** The name `handlerName(modulePath, exportName)` gives, as a type. */
export type HandlerNameOf<ModulePath extends string, ExportName extends string> = Join<
  [...ModuleSegmentsOf<ModulePath>, ExportName]
>;

type HandlerEntry<M> = {
  [P in keyof M & string]: {
    [E in keyof M[P] & string]: M[P][E] extends AnyHandlerDefinition ? [HandlerNameOf<P, E>, M[P][E]] : never;
  }[keyof M[P] & string];
}[keyof M & string];

type RoutesOf<Map, K extends "query" | "mutation"> = {
  [N in keyof Map & string]: K extends "query" ? QueryRoute<N, Map[N]> : MutationRoute<N, Map[N]>;
};

type Head<N extends string> = N extends `${infer H}/${string}` ? H : N;

/** Groups flat `a/b/c` keys into nested objects; a name that is also a folder gets both. */
type RouteTree<Flat> = {
  readonly [H in Head<keyof Flat & string>]: ([H] extends [keyof Flat] ? Flat[H] : unknown) &
    SubTree<{ [N in keyof Flat & string as N extends `${H}/${infer Rest}` ? Rest : never]: Flat[N] }>;
};

type SubTree<Flat> = [keyof Flat] extends [never] ? unknown : RouteTree<Flat>;

type KindFolder = "queries" | "mutations" | "schedulers" | "crons";

type StripExtension<P extends string> =
  P extends `${infer B}.${"ts" | "tsx" | "js" | "jsx" | "mts" | "mjs" | "cts" | "cjs"}` ? B : P;

type Split<S extends string> = S extends `${infer H}/${infer T}`
  ? H extends "" | "."
    ? Split<T>
    : [H, ...Split<T>]
  : S extends "" | "."
    ? []
    : [S];

type DropKindFolder<P extends string[]> = P extends [infer H, infer N, ...infer R extends string[]]
  ? H extends KindFolder
    ? [N & string, ...R]
    : P
  : P;

type DropIndex<P extends string[]> = P extends [...infer R extends string[], "index"] ? R : P;

type ModuleSegmentsOf<P extends string> = DropIndex<DropKindFolder<Split<StripExtension<P>>>>;

type Join<P extends string[]> = P extends [infer H extends string]
  ? H
  : P extends [infer H extends string, ...infer R extends string[]]
    ? `${H}/${Join<R>}`
    : "";
