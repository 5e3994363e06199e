/** Settings of the realtime Durable Object (the `realtime()` plugin fills them from `config.realtime`). */
export interface RealtimeObjectOptions {
  /** Events within this window cause one re-run per stale subscription. Default 0 (re-run at once). */
  readonly coalesceMs?: number;
  /** WebSocket subprotocol echoed on upgrade. Default `appflare.realtime.v1`. */
  readonly protocol?: string;
  /** Largest client frame; a bigger one closes that socket (1009). Default 65,536 bytes. */
  readonly maxFrameBytes?: number;
  /** Messages a socket may send per second; more closes that socket (4429). Default 50. */
  readonly maxMessagesPerSecond?: number;
  /** Subscriptions one socket may hold; more answers `query:error` 429. Default 256. */
  readonly maxSubscriptionsPerSocket?: number;
  /**
   * Endpoint-first: how long a subscription token can be used to open a socket, counted from
   * `POST subscribe` and again from when its last socket closed (a connected socket holds it). After
   * that it is swept and the upgrade answers 404 `not_found`. Default 60,000 ms.
   */
  readonly tokenTtlMs?: number;
}

/** {@link RealtimeObjectOptions} with defaults applied. */
export type ResolvedObjectOptions = Required<RealtimeObjectOptions>;

/** Applies the defaults. */
export function resolveObjectOptions(options: RealtimeObjectOptions = {}): ResolvedObjectOptions {
  return {
    coalesceMs: options.coalesceMs ?? 0,
    protocol: options.protocol ?? "appflare.realtime.v1",
    maxFrameBytes: options.maxFrameBytes ?? 65_536,
    maxMessagesPerSecond: options.maxMessagesPerSecond ?? 50,
    maxSubscriptionsPerSocket: options.maxSubscriptionsPerSocket ?? 256,
    tokenTtlMs: options.tokenTtlMs ?? 60_000,
  };
}
