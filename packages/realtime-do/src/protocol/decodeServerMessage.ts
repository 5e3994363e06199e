import { count, decodeWith, FieldError, object, text } from "./fields";
import type { DecodeResult } from "./ProtocolError";
import type { ServerMessage } from "./ServerMessage";

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Decodes one text frame the server sent (both modes). Never throws: an unexpected frame comes back
 * as `{ ok: false, error }`, so a client can ignore it instead of crashing.
 *
 * @example
 * const r = decodeServerMessage('{"event":"pong"}');
 * if (r.ok && r.message.event === "pong") keepAlive();
 */
export function decodeServerMessage(frame: string): DecodeResult<ServerMessage> {
  return decodeWith(frame, serverMessage);
}

function serverMessage(value: unknown): ServerMessage {
  const m = object(value, "message");
  switch (m.event) {
    case "pong":
      return { event: "pong" };
    case "connected": {
      const p = object(m.payload, "connected.payload");
      const userId = p.userId === null ? null : text(p.userId, "connected.payload.userId", MAX);
      return {
        event: "connected",
        payload: { connectionId: text(p.connectionId, "connected.payload.connectionId", MAX), userId },
      };
    }
    case "query:update":
      return { event: "query:update", payload: updatePayload(object(m.payload, "query:update.payload")) };
    case "query:current": {
      const p = object(m.payload, "query:current.payload");
      return {
        event: "query:current",
        payload: {
          id: text(p.id, "query:current.payload.id", MAX),
          version: count(p.version, "query:current.payload.version"),
          hash: text(p.hash, "query:current.payload.hash", MAX),
        },
      };
    }
    case "query:error": {
      const p = object(m.payload, "query:error.payload");
      return {
        event: "query:error",
        payload: {
          id: text(p.id, "query:error.payload.id", MAX),
          status: count(p.status, "query:error.payload.status"),
          code: text(p.code, "query:error.payload.code", MAX),
          message: typeof p.message === "string" ? p.message : "",
        },
      };
    }
    case "error": {
      const p = object(m.payload, "error.payload");
      return {
        event: "error",
        payload: {
          status: count(p.status, "error.payload.status"),
          ...(typeof p.code === "string" ? { code: p.code } : {}),
          ...(typeof p.message === "string" ? { message: p.message } : {}),
        },
      };
    }
    default:
      throw new FieldError(`message.event: unknown event ${JSON.stringify(m.event) ?? "nothing"}`);
  }
}

function updatePayload(p: Record<string, unknown>) {
  const base = {
    queryName: text(p.queryName, "query:update.payload.queryName", MAX),
    signature: text(p.signature, "query:update.payload.signature", MAX),
    data: p.data,
  };
  // Endpoint-first payloads (appflare 0.2) carry no id, version or hash.
  if (!("id" in p) && !("version" in p)) return base;
  return {
    id: text(p.id, "query:update.payload.id", MAX),
    ...base,
    version: count(p.version, "query:update.payload.version"),
    hash: text(p.hash, "query:update.payload.hash", MAX),
  };
}
