/** WebSocket subprotocol both wire modes announce (config `realtime.protocol` may rename it). */
export const REALTIME_PROTOCOL = "appflare.realtime.v1";

/**
 * The appflare 0.2 keep-alive: a client sends this exact text frame and gets {@link PONG_FRAME} back,
 * answered by the Durable Object runtime without waking the object.
 */
export const PING_FRAME = "ping";

/** The answer to {@link PING_FRAME} (`{ "event": "pong" }`), byte for byte. */
export const PONG_FRAME = '{"event":"pong"}';

/**
 * Close codes the server uses. 4xxx are application codes (RFC 6455 §7.4.2), chosen to echo the HTTP
 * status of the same condition, so a client can tell "sign in again" (4401) from "back off" (4429).
 */
export const CLOSE_CODES = {
  /** Invalid `connect` token, or a second `connect` on one socket. */
  unauthorized: 4401,
  /** The user was banned. */
  banned: 4403,
  /** The session ended (sign-out, revoke, user removed). Reconnecting needs a new token. */
  sessionEnded: 4001,
  /** More messages per second than the server allows for one socket. */
  rateLimited: 4429,
  /** A frame over the server's size cap (RFC 6455's "message too big"). */
  frameTooLarge: 1009,
  /** A frame that is not a protocol message, or a message before `connect`. */
  protocolError: 4400,
  /** Endpoint-first: the subscription token was removed (`POST /realtime/unsubscribe`). */
  unsubscribed: 4004,
} as const;

/** One of {@link CLOSE_CODES}. */
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** Caps the decoder enforces on client messages (the server closes the socket on a bigger frame). */
export const PROTOCOL_LIMITS = {
  /** Longest subscription `id` (client-chosen). */
  maxIdLength: 128,
  /** Longest `queryName`. */
  maxQueryNameLength: 256,
  /** Longest `known.hash`. */
  maxHashLength: 128,
  /** Longest `authToken`. */
  maxTokenLength: 4096,
} as const;
