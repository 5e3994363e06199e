import type { CollectedHandler } from "../handlers/collectHandlers";
import type { AnyHandlerDefinition, HandlerKind } from "../handlers/HandlerDefinition";

type Definition<K extends HandlerKind> = Extract<AnyHandlerDefinition, { kind: K }>;

/** The app's handlers by kind, each map keyed by handler name. */
export interface HandlerRegistry {
  readonly queries: ReadonlyMap<string, Definition<"query">>;
  readonly mutations: ReadonlyMap<string, Definition<"mutation">>;
  readonly crons: ReadonlyMap<string, Definition<"cron">>;
  readonly managers: ReadonlyMap<string, Definition<"storageManager">>;
}

/**
 * Splits collected handlers by kind.
 *
 * @example
 * const { queries } = handlerRegistry(collectHandlers(modules));
 */
export function handlerRegistry(handlers: readonly CollectedHandler[]): HandlerRegistry {
  return {
    queries: byKind(handlers, "query"),
    mutations: byKind(handlers, "mutation"),
    crons: byKind(handlers, "cron"),
    managers: byKind(handlers, "storageManager"),
  };
}

function byKind<K extends HandlerKind>(
  handlers: readonly CollectedHandler[],
  kind: K,
): Map<string, Definition<K>> {
  const out = new Map<string, Definition<K>>();
  for (const h of handlers) if (h.definition.kind === kind) out.set(h.name, h.definition as Definition<K>);
  return out;
}
