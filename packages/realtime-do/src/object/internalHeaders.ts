/**
 * Headers the Worker sets on a socket upgrade it forwards to a shard. Only the Worker can reach a
 * Durable Object, so the object trusts them; the Worker drops any the client sent.
 */
export const INTERNAL_HEADERS = {
  /** `multiplexed` or `endpoint`. */
  mode: "x-appflare-realtime-mode",
  /** The connection id the Worker chose (and pinned the shard by). */
  connection: "x-appflare-realtime-connection",
} as const;
