/**
 * The shard a connection (or endpoint-first token) is pinned to: FNV-1a of its id, mod `shards`.
 * Stable across Workers, so the upgrade of a token lands on the shard that registered it.
 *
 * @example
 * shardIndex(crypto.randomUUID(), 4); // 0..3
 */
export function shardIndex(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % Math.max(1, shards);
}

/** The Durable Object name of shard `index` (`idFromName`). */
export function shardName(index: number): string {
  return `appflare-realtime-shard-${index}`;
}
