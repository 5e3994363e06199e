import type { RealtimeObjectOptions } from "../object/RealtimeObjectOptions";

/**
 * Options of `realtime()`. Binding, class name, shards, paths, protocol and `coalesceMs` come from
 * `config.realtime`; these are the per-socket caps and the endpoint-first token TTL, which the config
 * does not carry.
 */
export type RealtimePluginOptions = Pick<
  RealtimeObjectOptions,
  "maxFrameBytes" | "maxMessagesPerSecond" | "maxSubscriptionsPerSocket" | "tokenTtlMs"
>;
