import type { AppflareClientOptions } from "./ClientOptions";
import { type AppflareAuthClient, createAuth } from "./createAuth";
import { createStorageClient } from "./createStorageClient";
import { createTransport } from "./createTransport";
import { RealtimeConnection } from "./RealtimeConnection";
import type { AnyApi, ClientTree } from "./RouteTypes";
import { routeProxy } from "./routeProxy";
import type { StorageClient } from "./StorageClient";

/** The realtime socket's controls. */
export interface RealtimeControl {
  /** Reconnects now as the current auth token (done for you after sign-in/sign-out via `auth`). */
  restart(): void;
  /** Live queries currently held. */
  readonly size: number;
}

/** A client typed by the app's `Api` (docs/client.md). */
export interface AppflareClient<Api extends AnyApi> {
  readonly queries: ClientTree<Api["queries"]>;
  readonly mutations: ClientTree<Api["mutations"]>;
  /** Better Auth's client (signUp.email, signIn.email, signOut, getSession, admin.*), created on first use. */
  readonly auth: AppflareAuthClient;
  readonly storage: StorageClient;
  readonly realtime: RealtimeControl;
}

/**
 * Creates a client for the app's `Api` type. Nothing generated runs: `queries.*` / `mutations.*` are a
 * proxy that turns the property path into the route name.
 *
 * @example
 * import type { Api } from "../_generated/api";
 * const appflare = createClient<Api>({ endpoint: "http://127.0.0.1:8787" });
 * const { data, error } = await appflare.queries.tasks.list.run({ projectId });
 */
export function createClient<Api extends AnyApi>(options: AppflareClientOptions): AppflareClient<Api> {
  const transport = createTransport(options);
  let connection: RealtimeConnection | undefined;
  const realtime = (): RealtimeConnection => {
    connection ??= new RealtimeConnection({
      url: options.wsEndpoint ?? defaultSocketUrl(transport.endpoint),
      ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
      getAuthToken: async () => options.onGetAuthToken?.(),
      ...(options.reconnect?.initialMs !== undefined
        ? { initialBackoffMs: options.reconnect.initialMs }
        : {}),
      ...(options.reconnect?.maxMs !== undefined ? { maxBackoffMs: options.reconnect.maxMs } : {}),
      ...(options.socketIdleCloseMs !== undefined ? { idleCloseMs: options.socketIdleCloseMs } : {}),
    });
    return connection;
  };
  const context = { transport, realtime };
  let auth: AppflareAuthClient | undefined;
  return {
    queries: routeProxy("query", [], context) as ClientTree<Api["queries"]>,
    mutations: routeProxy("mutation", [], context) as ClientTree<Api["mutations"]>,
    get auth() {
      auth ??= createAuth({
        transport,
        basePath: options.authBasePath ?? "/api/auth",
        ...(options.onGetAuthToken ? { onGetAuthToken: options.onGetAuthToken } : {}),
        ...(options.onSetAuthToken ? { onSetAuthToken: options.onSetAuthToken } : {}),
        onTokenChange: () => connection?.restart(),
      });
      return auth;
    },
    storage: createStorageClient(transport),
    realtime: {
      restart: () => connection?.restart(),
      get size() {
        return connection?.size ?? 0;
      },
    },
  };
}

/** `http(s)://host/prefix` → `ws(s)://host/prefix/realtime/ws`. */
function defaultSocketUrl(endpoint: string): string {
  return `${endpoint.replace(/^http/, "ws")}/realtime/ws`;
}
