/**
 * The multiplexed realtime wire protocol (docs/realtime.md), client side. Mirrors the message unions of
 * `@appflare/realtime-do/protocol` exactly, so switching to that import changes no behaviour.
 */

/** What the server holds for a resumed subscription: it answers `query:current` when unchanged. */
export interface KnownResult {
  readonly version: number;
  readonly hash: string;
}

/** Messages the client sends. */
export type ClientMessage =
  | { readonly type: "connect"; readonly authToken?: string }
  | {
      readonly type: "subscribe";
      readonly id: string;
      readonly queryName: string;
      readonly args: unknown;
      readonly known?: KnownResult;
    }
  | { readonly type: "unsubscribe"; readonly id: string }
  | { readonly type: "ping" };

/** Messages the server sends. */
export type ServerMessage =
  | {
      readonly event: "connected";
      readonly payload: { readonly connectionId: string; readonly userId: string | null };
    }
  | {
      readonly event: "error";
      readonly payload: { readonly status: number; readonly code?: string; readonly message?: string };
    }
  | {
      readonly event: "query:update";
      readonly payload: {
        readonly id: string;
        readonly queryName: string;
        readonly signature: string;
        readonly version: number;
        readonly hash: string;
        readonly data: unknown;
      };
    }
  | {
      readonly event: "query:current";
      readonly payload: { readonly id: string; readonly version: number; readonly hash: string };
    }
  | {
      readonly event: "query:error";
      readonly payload: {
        readonly id: string;
        readonly status: number;
        readonly code: string;
        readonly message: string;
      };
    }
  | { readonly event: "pong" };

/**
 * Serializes a client message for `WebSocket.send`.
 *
 * @example
 * socket.send(encodeMessage({ type: "connect", authToken }));
 */
export function encodeMessage(message: ClientMessage): string {
  return JSON.stringify(message);
}

const EVENTS = new Set(["connected", "error", "query:update", "query:current", "query:error", "pong"]);

/**
 * Parses a server frame; `null` for anything that is not a known server message (a frame the client
 * cannot read is dropped rather than thrown into the socket's event loop).
 *
 * @example
 * const message = decodeServerMessage(event.data);
 * if (message?.event === "query:update") apply(message.payload);
 */
export function decodeServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { event, payload } = value as { event?: unknown; payload?: unknown };
  if (typeof event !== "string" || !EVENTS.has(event)) return null;
  if (event !== "pong" && (typeof payload !== "object" || payload === null)) return null;
  return value as ServerMessage;
}
