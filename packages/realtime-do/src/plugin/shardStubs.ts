import type { RealtimeShardRpc } from "../object/createRealtimeObject";
import { shardIndex, shardName } from "../shard/shardIndex";

/** Where the shards are: the Durable Object namespace binding and how many there are. */
export interface ShardSettings {
  readonly binding: string;
  readonly shards: number;
}

type ShardStub = DurableObjectStub & RealtimeShardRpc;

/** The namespace binding, or an error that says how to add it. */
export function shardNamespace(env: object, settings: ShardSettings): DurableObjectNamespace {
  const ns = (env as Record<string, unknown>)[settings.binding];
  if (
    typeof ns !== "object" ||
    ns === null ||
    typeof (ns as DurableObjectNamespace).idFromName !== "function"
  ) {
    throw new Error(
      `The realtime Durable Object binding "${settings.binding}" is missing from the Worker env: add it to wrangler.json (appflare build does), or set config.realtime.binding`,
    );
  }
  return ns as DurableObjectNamespace;
}

/** The stub of shard `index`. */
export function shardStub(env: object, settings: ShardSettings, index: number): ShardStub {
  const ns = shardNamespace(env, settings);
  return ns.get(ns.idFromName(shardName(index))) as unknown as ShardStub;
}

/** The shard a connection id or token is pinned to. */
export function stubFor(env: object, settings: ShardSettings, id: string): ShardStub {
  return shardStub(env, settings, shardIndex(id, settings.shards));
}

/** Every shard (events and revocations fan out to all of them). */
export function allShards(env: object, settings: ShardSettings): ShardStub[] {
  return Array.from({ length: settings.shards }, (_, i) => shardStub(env, settings, i));
}
