/**
 * What a client last received for a subscription: sent back on resubscribe so the server re-sends the
 * data only when it changed (`query:current` otherwise).
 */
export interface KnownResult {
  readonly version: number;
  /** The `hash` of the last `query:update` (opaque to the client). */
  readonly hash: string;
}

/** Multiplexed mode: the first message on a socket. `authToken` is a bearer token; absent = anonymous. */
export interface ConnectMessage {
  readonly type: "connect";
  readonly authToken?: string;
}

/** Multiplexed mode: subscribe to a query; `id` is chosen by the client and unique on its socket. */
export interface SubscribeMessage {
  readonly type: "subscribe";
  readonly id: string;
  readonly queryName: string;
  readonly args: unknown;
  readonly known?: KnownResult;
}

/** Multiplexed mode: drop one subscription of this socket. */
export interface UnsubscribeMessage {
  readonly type: "unsubscribe";
  readonly id: string;
}

/**
 * Keep-alive. On the wire it is the bare text frame `ping` (appflare 0.2), answered without waking the
 * Durable Object; a JSON `{ "type": "ping" }` is accepted too and answered by the object.
 */
export interface PingMessage {
  readonly type: "ping";
}

/** Every message a client may send (both wire modes). */
export type ClientMessage = ConnectMessage | SubscribeMessage | UnsubscribeMessage | PingMessage;
