import { CLOSE_CODES } from "../protocol/constants";
import { decodeClientMessage } from "../protocol/decodeClientMessage";
import type { ServerMessage } from "../protocol/ServerMessage";
import type { RealtimeCaller, RealtimeExecutor } from "../RealtimeExecutor";
import type { SubscriptionStore } from "../store/SubscriptionStore";
import type { Attachment } from "./Attachment";
import { runFailure } from "./errorStatus";
import type { ShardCore } from "./ShardCore";
import { subscriptionKey } from "./subscriptionKey";

/** One client frame, with what answering it needs. */
export interface ClientFrame<Env> {
  readonly ws: WebSocket;
  readonly attachment: Attachment;
  readonly frame: string | ArrayBuffer;
  readonly store: SubscriptionStore;
  readonly core: ShardCore<Env>;
  readonly executor: RealtimeExecutor<Env>;
  readonly env: Env;
  readonly maxSubscriptions: number;
}

/** How the handler answers. */
export interface FrameReply {
  send(message: ServerMessage): void;
  close(code: number, reason: string): void;
}

/**
 * Answers one client frame. Who may send what (see the package README): `connect` once, first, on a
 * multiplexed socket; `subscribe`/`unsubscribe` after it, reaching only this socket's subscriptions,
 * run as this socket's user; `ping` anyone. Endpoint-first sockets may only ping. Anything else is a
 * protocol error: an `error` message and a close of this socket only.
 */
export async function handleClientFrame<Env>(input: ClientFrame<Env>, reply: FrameReply): Promise<void> {
  const protocolError = (message: string) => {
    reply.send({ event: "error", payload: { status: 400, code: "invalid_message", message } });
    reply.close(CLOSE_CODES.protocolError, "protocol error");
  };
  if (typeof input.frame !== "string") return protocolError("Binary frames are not part of the protocol");
  const decoded = decodeClientMessage(input.frame);
  if (!decoded.ok) return protocolError(decoded.error.message);
  const message = decoded.message;
  if (message.type === "ping") return reply.send({ event: "pong" });
  const { attachment } = input;
  if (attachment.mode === "endpoint") {
    return protocolError(`An endpoint-first socket only sends "ping" (got "${message.type}")`);
  }
  if (message.type === "connect") return connect(input, message.authToken, reply);
  if (attachment.userId === undefined) return protocolError(`Send "connect" before "${message.type}"`);

  if (message.type === "unsubscribe") {
    input.core.unsubscribe(attachment.connectionId, message.id);
    return;
  }
  const replacing = input.store.sub(attachment.connectionId, message.id) !== undefined;
  if (!replacing && input.store.countSubs(attachment.connectionId) >= input.maxSubscriptions) {
    return reply.send({
      event: "query:error",
      payload: {
        id: message.id,
        status: 429,
        code: "too_many_subscriptions",
        message: `A socket may hold ${input.maxSubscriptions} subscriptions: unsubscribe some first`,
      },
    });
  }
  const connection = input.store.connection(attachment.connectionId);
  const caller = connection?.caller ? JSON.parse(connection.caller) : null;
  await input.core.subscribe(
    input.ws,
    {
      connId: attachment.connectionId,
      subId: message.id,
      queryName: message.queryName,
      args: message.args,
      key: subscriptionKey(message.queryName, message.args, attachment.userId),
    },
    caller,
    message.known?.hash ?? null,
  );
}

async function connect<Env>(input: ClientFrame<Env>, authToken: string | undefined, reply: FrameReply) {
  const { attachment, ws } = input;
  if (attachment.userId !== undefined) {
    reply.send({
      event: "error",
      payload: { status: 400, code: "already_connected", message: "connect was already sent" },
    });
    return reply.close(CLOSE_CODES.protocolError, "already connected");
  }
  let caller: RealtimeCaller | null;
  try {
    caller = authToken === undefined ? null : await input.executor.resolveToken(authToken, input.env);
  } catch (error) {
    // The auth layer refuses some tokens by throwing (a banned user's: 403).
    const failure = runFailure(error);
    reply.send({ event: "error", payload: failure });
    return reply.close(failure.status === 403 ? CLOSE_CODES.banned : CLOSE_CODES.unauthorized, failure.code);
  }
  if (authToken !== undefined && caller === null) {
    reply.send({
      event: "error",
      payload: { status: 401, code: "unauthorized", message: "Invalid or expired authToken" },
    });
    return reply.close(CLOSE_CODES.unauthorized, "unauthorized");
  }
  if (caller?.user.banned) {
    reply.send({ event: "error", payload: { status: 403, code: "banned", message: "The user is banned" } });
    return reply.close(CLOSE_CODES.banned, "banned");
  }
  // Closed while the token resolved: its close handler already ran, so keep nothing for it.
  if (ws.readyState !== WebSocket.OPEN) return;
  const userId = caller?.user.id ?? null;
  const sessionId = caller?.session?.id ?? null;
  input.store.putConnection({
    connId: attachment.connectionId,
    mode: "multiplexed",
    userId,
    sessionId,
    caller: caller === null ? null : JSON.stringify(caller),
    token: null,
  });
  ws.serializeAttachment({ ...attachment, userId, sessionId } satisfies Attachment);
  reply.send({ event: "connected", payload: { connectionId: attachment.connectionId, userId } });
}
