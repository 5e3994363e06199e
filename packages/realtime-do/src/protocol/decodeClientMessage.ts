import type { ClientMessage, KnownResult } from "./ClientMessage";
import { PING_FRAME, PROTOCOL_LIMITS } from "./constants";
import { count, decodeWith, FieldError, object, optionalText, text } from "./fields";
import type { DecodeResult } from "./ProtocolError";

/**
 * Decodes one text frame a client sent: the bare `ping` keep-alive or a JSON {@link ClientMessage}.
 * Never throws: a frame that is not a message comes back as `{ ok: false, error }` naming the field.
 *
 * @example
 * const r = decodeClientMessage('{"type":"unsubscribe","id":"a"}');
 * if (r.ok) r.message; // { type: "unsubscribe", id: "a" }
 */
export function decodeClientMessage(frame: string): DecodeResult<ClientMessage> {
  if (frame === PING_FRAME) return { ok: true, message: { type: "ping" } };
  return decodeWith(frame, clientMessage);
}

function clientMessage(value: unknown): ClientMessage {
  const m = object(value, "message");
  switch (m.type) {
    case "connect": {
      const authToken = optionalText(m.authToken, "connect.authToken", PROTOCOL_LIMITS.maxTokenLength);
      return authToken === undefined ? { type: "connect" } : { type: "connect", authToken };
    }
    case "subscribe": {
      const id = text(m.id, "subscribe.id", PROTOCOL_LIMITS.maxIdLength);
      const queryName = text(m.queryName, "subscribe.queryName", PROTOCOL_LIMITS.maxQueryNameLength);
      const args = m.args === undefined ? {} : m.args;
      const known = m.known === undefined ? undefined : knownResult(m.known);
      return known === undefined
        ? { type: "subscribe", id, queryName, args }
        : { type: "subscribe", id, queryName, args, known };
    }
    case "unsubscribe":
      return { type: "unsubscribe", id: text(m.id, "unsubscribe.id", PROTOCOL_LIMITS.maxIdLength) };
    case "ping":
      return { type: "ping" };
    default:
      throw new FieldError(
        `message.type: expected "connect", "subscribe", "unsubscribe" or "ping", got ${JSON.stringify(m.type) ?? "nothing"}`,
      );
  }
}

function knownResult(value: unknown): KnownResult {
  const known = object(value, "subscribe.known");
  return {
    version: count(known.version, "subscribe.known.version"),
    hash: text(known.hash, "subscribe.known.hash", PROTOCOL_LIMITS.maxHashLength),
  };
}
