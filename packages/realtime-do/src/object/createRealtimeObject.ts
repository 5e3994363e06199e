import { DurableObject } from "cloudflare:workers";
import { CLOSE_CODES, PING_FRAME, PONG_FRAME } from "../protocol/constants";
import { encodeMessage } from "../protocol/encodeMessage";
import type { ServerMessage } from "../protocol/ServerMessage";
import type { RealtimeCaller, RealtimeEvent, RealtimeExecutor } from "../RealtimeExecutor";
import { SubscriptionStore } from "../store/SubscriptionStore";
import { type TokenRow, TokenStore } from "../store/TokenStore";
import { type Attachment, attachmentOf, connectionTag } from "./Attachment";
import { type RunFailure, runFailure } from "./errorStatus";
import { handleClientFrame } from "./handleClientFrame";
import { INTERNAL_HEADERS } from "./internalHeaders";
import { RateLimiter } from "./RateLimiter";
import { type RealtimeObjectOptions, resolveObjectOptions } from "./RealtimeObjectOptions";
import { ShardCore } from "./ShardCore";
import { SocketRegistry } from "./SocketRegistry";
import { subscriptionKey } from "./subscriptionKey";

/** A user's sessions ended (the server plugin seam's `SessionsRevoked`). */
export interface SessionsRevokedChange {
  readonly userId: string;
  readonly sessionId?: string;
  readonly reason: "sign-out" | "ban" | "revoke" | "delete";
}

/** The RPC surface of a realtime shard (what the Worker calls on its stub). */
export interface RealtimeShardRpc {
  /** Committed events of one write (after commit); `bookmark` is the write's D1 session bookmark. */
  publish(events: readonly RealtimeEvent[], bookmark?: string): Promise<void>;
  /** Endpoint-first: remembers a subscription token for its user. */
  registerToken(row: TokenRow): Promise<void>;
  /** Endpoint-first: forgets a token and closes its sockets; `false` when unknown or another user's. */
  dropToken(token: string, userId: string): Promise<boolean>;
  /** Closes the sockets (and forgets the tokens) of ended sessions. */
  revokeSessions(change: SessionsRevokedChange): Promise<void>;
}

/** The class `createRealtimeObject` returns. */
export type RealtimeObjectClass<Env> = new (
  ctx: DurableObjectState,
  env: Env,
) => DurableObject<Env> & RealtimeShardRpc;

/**
 * Builds the realtime Durable Object class: hibernatable WebSockets in both wire modes (docs/realtime.md),
 * subscriptions in the object's SQLite storage (an eviction loses nothing), read-set matching of
 * committed events, single-flight re-runs, versions and resume. The executor (query runner, token
 * resolver, schema model) is injected: this package never imports the server. Export the class from
 * the Worker under `config.realtime.className`, with a `new_sqlite_classes` migration.
 *
 * @example
 * export const AppflareRealtime = createRealtimeObject(executor, { coalesceMs: 0 });
 */
export function createRealtimeObject<Env>(
  executor: RealtimeExecutor<Env>,
  options: RealtimeObjectOptions = {},
): RealtimeObjectClass<Env> {
  const settings = resolveObjectOptions(options);

  return class AppflareRealtimeObject extends DurableObject<Env> implements RealtimeShardRpc {
    readonly #store: SubscriptionStore;
    readonly #tokens: TokenStore;
    readonly #core: ShardCore<Env>;
    readonly #limiter = new RateLimiter(settings.maxMessagesPerSecond);
    readonly #sockets: SocketRegistry;
    /** When the alarm is known to be set (`undefined`: not known; ask storage). */
    #alarmAt: number | null | undefined;

    constructor(ctx: DurableObjectState, env: Env) {
      super(ctx, env);
      this.#store = new SubscriptionStore(ctx.storage.sql);
      this.#tokens = new TokenStore(ctx.storage.sql);
      this.#sockets = new SocketRegistry(() => ctx.getWebSockets());
      // The 0.2 keep-alive, answered by the runtime without waking a hibernated object.
      ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
      this.#core = new ShardCore<Env>({
        env,
        executor,
        store: this.#store,
        coalesceMs: settings.coalesceMs,
        socket: (id) => this.#sockets.get(id),
        fail: (ws, subId, failure) => this.fail(ws, subId, failure),
        wakeBy: (at) => this.wakeBy(at),
      });
      // Runs an eviction cut short are redone: stale keys are persisted, so wake up to finish them.
      void ctx.blockConcurrencyWhile(async () => {
        if (this.#store.dirtyKeys().length === 0) return;
        const alarm = await ctx.storage.getAlarm();
        if (alarm === null || alarm > Date.now()) await ctx.storage.setAlarm(Date.now());
      });
    }

    override async fetch(request: Request): Promise<Response> {
      if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
        return json({ code: "upgrade_required", message: "Expected a WebSocket upgrade" }, 426);
      }
      const connectionId = request.headers.get(INTERNAL_HEADERS.connection);
      const mode = request.headers.get(INTERNAL_HEADERS.mode);
      if (!connectionId || (mode !== "multiplexed" && mode !== "endpoint")) {
        return json({ code: "bad_request", message: "Not a realtime upgrade from the Worker" }, 400);
      }
      if (mode === "multiplexed")
        return this.accept(request, { connectionId, mode, userId: undefined, sessionId: null });
      return this.acceptEndpoint(request, connectionId);
    }

    override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
      const attachment = attachmentOf(ws);
      if (attachment === undefined) return;
      const size =
        typeof message === "string" ? byteLength(message, settings.maxFrameBytes) : message.byteLength;
      if (size > settings.maxFrameBytes) {
        return this.close(
          ws,
          CLOSE_CODES.frameTooLarge,
          `frame too large: over ${settings.maxFrameBytes} bytes`,
        );
      }
      if (!this.#limiter.allow(attachment.connectionId)) {
        return this.close(
          ws,
          CLOSE_CODES.rateLimited,
          `rate limit: more than ${settings.maxMessagesPerSecond} messages per second`,
        );
      }
      await handleClientFrame(
        {
          ws,
          attachment,
          frame: message,
          store: this.#store,
          core: this.#core,
          executor,
          env: this.env,
          maxSubscriptions: settings.maxSubscriptionsPerSocket,
        },
        {
          send: (m) => send(ws, m),
          close: (code, reason) => this.close(ws, code, reason),
        },
      );
    }

    override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
      this.forget(ws);
      try {
        ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
      } catch {
        // Already closed.
      }
    }

    override async webSocketError(ws: WebSocket): Promise<void> {
      this.forget(ws);
    }

    override async alarm(): Promise<void> {
      this.#alarmAt = undefined; // This one fired; what is set next is read back from storage.
      await this.#core.flush();
      const nextExpiry = this.#tokens.sweep(Date.now());
      if (this.#store.dirtyKeys().length > 0) await this.wakeBy(Date.now() + 1000);
      if (nextExpiry !== null) await this.wakeBy(nextExpiry);
    }

    async publish(events: readonly RealtimeEvent[], bookmark?: string): Promise<void> {
      await this.#core.publish(events, bookmark);
    }

    async registerToken(row: TokenRow): Promise<void> {
      const expiresAt = Date.now() + settings.tokenTtlMs;
      this.#tokens.put(row, expiresAt);
      await this.wakeBy(expiresAt);
    }

    async dropToken(token: string, userId: string): Promise<boolean> {
      const row = this.#tokens.lookup(token, Date.now());
      if (row === undefined || row.userId !== userId) return false;
      this.#tokens.delete(token);
      for (const connection of this.#store.connectionsOfToken(token)) {
        for (const ws of this.ctx.getWebSockets(connectionTag(connection.connId))) {
          this.close(ws, CLOSE_CODES.unsubscribed, "unsubscribed");
        }
        this.#core.dropConnection(connection.connId);
      }
      return true;
    }

    async revokeSessions(change: SessionsRevokedChange): Promise<void> {
      const banned = change.reason === "ban";
      for (const connection of this.#store.connectionsOf(change.userId, change.sessionId)) {
        for (const ws of this.ctx.getWebSockets(connectionTag(connection.connId))) {
          send(ws, {
            event: "error",
            payload: banned
              ? { status: 403, code: "banned", message: "The user was banned" }
              : { status: 401, code: "session_ended", message: `The session ended (${change.reason})` },
          });
          this.close(ws, banned ? CLOSE_CODES.banned : CLOSE_CODES.sessionEnded, change.reason);
        }
        this.#core.dropConnection(connection.connId);
      }
      this.#tokens.deleteOf(change.userId, change.sessionId);
    }

    /** Endpoint-first upgrade: the token must exist and belong to the user `authToken` resolves to. */
    private async acceptEndpoint(request: Request, connectionId: string): Promise<Response> {
      const params = new URL(request.url).searchParams;
      const token = params.get("token") ?? "";
      const authToken = params.get("authToken");
      let caller: RealtimeCaller | null = null;
      try {
        if (authToken) caller = await executor.resolveToken(authToken, this.env);
      } catch (error) {
        const failure = runFailure(error);
        return json({ code: failure.code, message: failure.message }, failure.status);
      }
      if (caller === null) {
        return json({ code: "unauthorized", message: "authToken is missing or resolves to no user" }, 401);
      }
      const row = this.#tokens.lookup(token, Date.now());
      if (row === undefined) {
        // Expired tokens are swept, so "expired" and "never issued" are one answer.
        const message = `Unknown or expired subscription token (tokens expire after ${settings.tokenTtlMs} ms without a connected socket): POST /realtime/subscribe for a new one`;
        return json({ code: "not_found", message }, 404);
      }
      if (row.userId !== caller.user.id) {
        return json({ code: "forbidden", message: "The subscription token belongs to another user" }, 403);
      }
      if (caller.user.banned) return json({ code: "banned", message: "The user is banned" }, 403);
      const sessionId = caller.session?.id ?? null;
      this.#store.putConnection({
        connId: connectionId,
        mode: "endpoint",
        userId: caller.user.id,
        sessionId,
        caller: JSON.stringify(caller),
        token,
      });
      this.#tokens.hold(token);
      const response = this.accept(request, {
        connectionId,
        mode: "endpoint",
        userId: caller.user.id,
        sessionId,
      });
      const ws = this.ctx.getWebSockets(connectionTag(connectionId))[0];
      if (ws !== undefined) {
        const args = JSON.parse(row.args) as unknown;
        const sub = {
          connId: connectionId,
          subId: token,
          queryName: row.queryName,
          args,
          key: subscriptionKey(row.queryName, args, caller.user.id),
        };
        this.ctx.waitUntil(this.#core.subscribe(ws, sub, caller, null).catch(logError));
      }
      return response;
    }

    private accept(request: Request, attachment: Attachment): Response {
      const pair = new WebSocketPair();
      const [client, server] = [pair[0], pair[1]];
      this.ctx.acceptWebSocket(server, [connectionTag(attachment.connectionId)]);
      server.serializeAttachment(attachment);
      this.#sockets.add(server, attachment);
      const headers = new Headers();
      const offered = (request.headers.get("sec-websocket-protocol") ?? "").split(",").map((p) => p.trim());
      if (offered.includes(settings.protocol)) headers.set("sec-websocket-protocol", settings.protocol);
      return new Response(null, { status: 101, webSocket: client, headers });
    }

    /** A subscription failed: `query:error` (multiplexed), or an error and a close (endpoint-first). */
    private fail(ws: WebSocket, subId: string, failure: RunFailure): void {
      const attachment = attachmentOf(ws);
      if (attachment?.mode === "endpoint") {
        send(ws, { event: "error", payload: failure });
        this.close(ws, closeCodeFor(failure.status), failure.code);
        return;
      }
      send(ws, { event: "query:error", payload: { id: subId, ...failure } });
    }

    private close(ws: WebSocket, code: number, reason: string): void {
      this.forget(ws);
      try {
        ws.close(code, reason.slice(0, 120));
      } catch {
        // Already closed.
      }
    }

    private forget(ws: WebSocket): void {
      const attachment = attachmentOf(ws);
      if (attachment === undefined) return;
      this.#limiter.forget(attachment.connectionId);
      this.#sockets.remove(attachment.connectionId);
      const token =
        attachment.mode === "endpoint" ? this.#store.connection(attachment.connectionId)?.token : null;
      this.#core.dropConnection(attachment.connectionId);
      if (token) {
        // The token's last socket closed: it can be reconnected with for one more TTL, then it is swept.
        const expiresAt = Date.now() + settings.tokenTtlMs;
        this.#tokens.release(token, expiresAt);
        this.ctx.waitUntil(this.wakeBy(expiresAt).catch(logError));
      }
    }

    /** Makes sure the alarm fires by `at` (epoch ms): stale keys to finish, tokens to sweep. */
    private async wakeBy(at: number): Promise<void> {
      // Every publish asks for a backstop alarm; once one is known to be set early enough, skip storage.
      if (typeof this.#alarmAt === "number" && this.#alarmAt <= at) return;
      if (this.#alarmAt === undefined) this.#alarmAt = await this.ctx.storage.getAlarm();
      if (this.#alarmAt === null || this.#alarmAt > at) {
        await this.ctx.storage.setAlarm(at);
        this.#alarmAt = at;
      }
    }
  };
}

function send(ws: WebSocket, message: ServerMessage): void {
  try {
    ws.send(encodeMessage(message));
  } catch {
    // A closing socket: its close handler forgets it.
  }
}

function json(body: unknown, status: number): Response {
  return Response.json(body, { status });
}

function closeCodeFor(status: number): number {
  if (status === 401) return CLOSE_CODES.unauthorized;
  if (status === 403) return CLOSE_CODES.banned;
  return CLOSE_CODES.protocolError;
}

/** UTF-8 size of a frame, computed only when its length alone cannot rule out the cap. */
function byteLength(text: string, cap: number): number {
  return text.length * 3 <= cap ? text.length : new TextEncoder().encode(text).byteLength;
}

function logError(error: unknown): void {
  console.error("[appflare] realtime subscription failed:", error);
}
