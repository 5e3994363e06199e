import {
  CLOSE_CODES,
  type ClientMessage,
  decodeServerMessage,
  encodeMessage,
  type KnownResult,
  type ServerMessage,
} from "@appflare/realtime-do/protocol";
import { AppflareError } from "./AppflareError";
import { reconnectDelay } from "./reconnectDelay";
import type { WebSocketConstructor, WebSocketLike } from "./WebSocketLike";

/** Callbacks of one live query. */
export interface SubscriptionHandlers {
  /** Every new result: the initial one, then each change. Never an older version after a newer one. */
  onChange(data: unknown): void;
  /** A `query:error` (bad args, unknown query, 401), or the socket's auth being refused. */
  onError?(error: AppflareError): void;
}

/** A live query's handle: `remove()` unsubscribes (and closes the socket once none is left for a while). */
export interface Subscription {
  remove(): void;
}

/** Options of {@link RealtimeConnection}. */
export interface RealtimeConnectionOptions {
  readonly url: string;
  readonly WebSocket?: WebSocketConstructor;
  readonly getAuthToken: () => Promise<string | null | undefined>;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /**
   * How long the socket stays open after the last live query goes (ms, default 2000; 0 closes at
   * once). A query started meanwhile reuses it: React StrictMode's unmount-remount and a page change
   * do not reconnect.
   */
  readonly idleCloseMs?: number;
  /** Source of jitter; tests pin it. */
  readonly random?: () => number;
}

interface LiveQuery {
  readonly id: string;
  readonly queryName: string;
  readonly args: unknown;
  readonly handlers: SubscriptionHandlers;
  /** What this client holds: sent back as `known` on resubscribe; pushes below `version` are dropped. */
  known?: KnownResult;
  /** Refused by the server (`query:error`): not resubscribed on reconnect. */
  failed: boolean;
}

const OPEN = 1;

/**
 * Closes that the same token can never get past (refused token, ended session, ban): the socket waits
 * for `restart()` — which a sign-in through `auth` calls — instead of retrying forever.
 */
const IDENTITY_CLOSES: ReadonlySet<number> = new Set([
  CLOSE_CODES.unauthorized,
  CLOSE_CODES.sessionEnded,
  CLOSE_CODES.banned,
]);

/**
 * The client's ONE multiplexed realtime socket (docs/realtime.md): opened lazily by the first subscription,
 * closed `idleCloseMs` after the last one goes (unless another starts meanwhile); reconnects with jittered backoff and resubscribes each live query with
 * the `{ version, hash }` it holds, so unchanged results are not sent again.
 *
 * @example
 * const rt = new RealtimeConnection({ url: "ws://127.0.0.1:8787/realtime/ws", getAuthToken: async () => token });
 * const sub = rt.subscribe("tasks/list", { projectId }, { onChange: render });
 * sub.remove();
 */
export class RealtimeConnection {
  readonly #options: RealtimeConnectionOptions;
  readonly #queries = new Map<string, LiveQuery>();
  #socket: WebSocketLike | null = null;
  /** True once the server answered `connected` on the current socket. */
  #ready = false;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Closes the socket when no live query came back in `idleCloseMs`. */
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #nextId = 0;

  constructor(options: RealtimeConnectionOptions) {
    this.#options = options;
  }

  /** Starts a live query; the socket opens if it is not open yet. */
  subscribe(queryName: string, args: unknown, handlers: SubscriptionHandlers): Subscription {
    this.#nextId += 1;
    const query: LiveQuery = { id: String(this.#nextId), queryName, args, handlers, failed: false };
    this.#queries.set(query.id, query);
    this.#cancelIdleClose();
    if (!this.#socket && this.#timer === undefined) this.#open();
    else if (this.#ready) this.#sendSubscribe(query);
    return {
      remove: () => {
        if (!this.#queries.delete(query.id)) return;
        if (this.#ready && !query.failed) this.#send({ type: "unsubscribe", id: query.id });
        if (this.#queries.size === 0) this.#closeWhenIdle();
      },
    };
  }

  /**
   * Drops the socket and opens a new one right away (when anything is subscribed): after sign-in or
   * sign-out the socket must speak for the new identity. Held versions are resumed.
   */
  restart(): void {
    this.#dropSocket();
    this.#attempt = 0;
    if (this.#queries.size > 0) this.#open();
  }

  /** Live queries currently held (for tests and devtools). */
  get size(): number {
    return this.#queries.size;
  }

  #open(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const Ctor =
      this.#options.WebSocket ?? (globalThis as unknown as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Ctor) {
      this.#failAll(
        new AppflareError({
          status: 0,
          code: "no_websocket",
          message:
            'This runtime has no global WebSocket: pass one as the `WebSocket` option (Node 20: `import WebSocket from "ws"`).',
          body: null,
          route: `GET ${this.#options.url}`,
        }),
      );
      return;
    }
    const socket = new Ctor(this.#options.url);
    this.#socket = socket;
    this.#ready = false;
    socket.onopen = () => {
      void this.#options.getAuthToken().then(
        (token) =>
          this.#socket === socket &&
          this.#send(token ? { type: "connect", authToken: token } : { type: "connect" }),
        () => this.#socket === socket && this.#send({ type: "connect" }),
      );
    };
    socket.onmessage = (event) => {
      if (this.#socket !== socket) return;
      // A frame the client cannot read (binary, unknown event) is dropped, not thrown into the event loop.
      if (typeof event.data !== "string") return;
      const decoded = decodeServerMessage(event.data);
      if (decoded.ok) this.#receive(decoded.message);
    };
    socket.onclose = (event) => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#ready = false;
      const code = (event as { code?: unknown } | null)?.code;
      if (this.#queries.size > 0 && !IDENTITY_CLOSES.has(Number(code))) this.#scheduleReconnect();
    };
    // An error is followed by `close`, which schedules the reconnect.
    socket.onerror = () => {};
  }

  #receive(message: ServerMessage): void {
    switch (message.event) {
      case "connected":
        this.#ready = true;
        this.#attempt = 0;
        for (const query of this.#queries.values()) if (!query.failed) this.#sendSubscribe(query);
        return;
      case "error": {
        const { status, code, message: text } = message.payload;
        this.#failAll(
          new AppflareError({
            status,
            code: code ?? (status === 401 ? "unauthorized" : "realtime_error"),
            message: text ?? `The realtime socket was refused (${status}): check the auth token.`,
            body: message.payload,
            route: `GET ${this.#options.url}`,
          }),
          false,
        );
        return;
      }
      case "query:update": {
        // Endpoint-first payloads (no id/version) never arrive on a multiplexed socket.
        if (!("id" in message.payload)) return;
        const { id, version, hash, data } = message.payload;
        const query = this.#queries.get(id);
        if (!query) return;
        const known = query.known;
        // Never go back: an older (or the same) version than the one held is dropped.
        if (known && (version < known.version || (version === known.version && hash === known.hash))) return;
        query.known = { version, hash };
        query.handlers.onChange(data);
        return;
      }
      case "query:current": {
        const query = this.#queries.get(message.payload.id);
        const { version, hash } = message.payload;
        if (query && (!query.known || version >= query.known.version)) query.known = { version, hash };
        return;
      }
      case "query:error": {
        const { id, status, code, message: text } = message.payload;
        const query = this.#queries.get(id);
        if (!query) return;
        query.failed = true;
        query.handlers.onError?.(
          new AppflareError({
            status,
            code,
            message: text,
            body: message.payload,
            route: `realtime ${query.queryName}`,
          }),
        );
        return;
      }
      case "pong":
        return;
    }
  }

  #sendSubscribe(query: LiveQuery): void {
    this.#send({
      type: "subscribe",
      id: query.id,
      queryName: query.queryName,
      args: query.args ?? {},
      ...(query.known ? { known: query.known } : {}),
    });
  }

  #send(message: ClientMessage): void {
    if (this.#socket?.readyState === OPEN) this.#socket.send(encodeMessage(message));
  }

  #scheduleReconnect(): void {
    const delay = reconnectDelay(this.#attempt, {
      initialMs: this.#options.initialBackoffMs ?? 1000,
      maxMs: this.#options.maxBackoffMs ?? 16_000,
      random: this.#options.random ?? Math.random,
    });
    this.#attempt += 1;
    this.#timer = setTimeout(() => this.#open(), delay);
  }

  /** Tells every live query about `error`; `close` drops the socket (else the server closes it). */
  #failAll(error: AppflareError, close = true): void {
    for (const query of this.#queries.values()) query.handlers.onError?.(error);
    if (close) this.#dropSocket();
  }

  #dropSocket(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#cancelIdleClose();
    const socket = this.#socket;
    this.#socket = null;
    this.#ready = false;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000, "client closed");
    }
  }

  #closeWhenIdle(): void {
    const ms = this.#options.idleCloseMs ?? 2000;
    if (ms <= 0) {
      this.#shutdown();
      return;
    }
    this.#cancelIdleClose();
    const timer = setTimeout(() => {
      this.#idleTimer = undefined;
      if (this.#queries.size === 0) this.#shutdown();
    }, ms);
    // Node: an idle socket waiting to close does not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
    this.#idleTimer = timer;
  }

  #cancelIdleClose(): void {
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  #shutdown(): void {
    this.#dropSocket();
    this.#attempt = 0;
  }
}
