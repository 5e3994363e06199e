import type { ClientMessage } from "./ClientMessage";
import type { ServerMessage } from "./ServerMessage";

/**
 * Encodes a message for the wire (JSON text). A client `ping` encodes as the bare `ping` frame, which
 * the server answers without waking its Durable Object.
 *
 * @example
 * socket.send(encodeMessage({ type: "subscribe", id: "1", queryName: "tasks/list", args: {} }));
 */
export function encodeMessage(message: ClientMessage | ServerMessage): string {
  if ("type" in message && message.type === "ping") return "ping";
  return JSON.stringify(message);
}
