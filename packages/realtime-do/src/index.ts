export { isStale } from "./matching/isStale";
export type { Attachment } from "./object/Attachment";
export {
  createRealtimeObject,
  type RealtimeObjectClass,
  type RealtimeShardRpc,
  type SessionsRevokedChange,
} from "./object/createRealtimeObject";
export { hashResult } from "./object/hashResult";
export type { RealtimeObjectOptions } from "./object/RealtimeObjectOptions";
export { subscriptionKey } from "./object/subscriptionKey";
export type { RealtimePluginOptions } from "./plugin/RealtimePluginOptions";
export { realtime } from "./plugin/realtime";
export * from "./protocol/index";
export type {
  RealtimeCaller,
  RealtimeEvent,
  RealtimeExecutor,
  RealtimeRead,
  RealtimeRun,
  RealtimeUser,
} from "./RealtimeExecutor";
export { shardIndex, shardName } from "./shard/shardIndex";
