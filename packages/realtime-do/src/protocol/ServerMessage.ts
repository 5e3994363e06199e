/** Multiplexed mode: answer to `connect`. `userId` is `null` on an anonymous socket. */
export interface ConnectedMessage {
  readonly event: "connected";
  readonly payload: { readonly connectionId: string; readonly userId: string | null };
}

/** A subscription's result in multiplexed mode: the initial one, then one per change. */
export interface MultiplexedUpdatePayload {
  readonly id: string;
  readonly queryName: string;
  readonly signature: string;
  /** Strictly increasing per subscription: never apply an update older than the one you hold. */
  readonly version: number;
  /** The server's digest of the JSON result; send it back in `known` to resume. */
  readonly hash: string;
  readonly data: unknown;
}

/** A subscription's result in endpoint-first mode (appflare 0.2, kept exactly). */
export interface EndpointUpdatePayload {
  readonly queryName: string;
  readonly signature: string;
  readonly data: unknown;
}

/** `query:update`: a result, in either mode (multiplexed payloads carry `id`, `version` and `hash`). */
export interface QueryUpdateMessage<
  P extends MultiplexedUpdatePayload | EndpointUpdatePayload =
    | MultiplexedUpdatePayload
    | EndpointUpdatePayload,
> {
  readonly event: "query:update";
  readonly payload: P;
}

/** Multiplexed mode: the result of a resumed subscription equals the one the client holds. */
export interface QueryCurrentMessage {
  readonly event: "query:current";
  readonly payload: { readonly id: string; readonly version: number; readonly hash: string };
}

/**
 * Multiplexed mode: a subscription failed (400 `invalid_args` / `not_found` / `invalid_message`,
 * 401 `unauthorized`, 403 `banned`, 429 `too_many_subscriptions`, 500 `internal`). It receives no more
 * updates.
 */
export interface QueryErrorMessage {
  readonly event: "query:error";
  readonly payload: {
    readonly id: string;
    readonly status: number;
    readonly code: string;
    readonly message: string;
  };
}

/** A socket-level error (401 invalid token, 400 protocol error...), usually followed by a close. */
export interface SocketErrorMessage {
  readonly event: "error";
  readonly payload: { readonly status: number; readonly code?: string; readonly message?: string };
}

/** Answer to `ping`. */
export interface PongMessage {
  readonly event: "pong";
}

/** Every message the server sends (both wire modes). */
export type ServerMessage =
  | ConnectedMessage
  | QueryUpdateMessage
  | QueryCurrentMessage
  | QueryErrorMessage
  | SocketErrorMessage
  | PongMessage;
