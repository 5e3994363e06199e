import type { WebSocketConstructor } from "./WebSocketLike";

/** Headers added to every request: a record, or a function evaluated per request. */
export type HeadersOption =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

/**
 * Options of `createClient` / `new Appflare(...)` (docs/client.md).
 *
 * @example
 * new Appflare({
 *   endpoint: "https://my-app.workers.dev",
 *   onGetAuthToken: () => localStorage.getItem("token"),
 *   onSetAuthToken: (t) => (t ? localStorage.setItem("token", t) : localStorage.removeItem("token")),
 * });
 */
export interface AppflareClientOptions {
  /** The Worker's base URL: `https://my-app.workers.dev` (a path prefix is kept). */
  readonly endpoint: string;
  /** The realtime socket URL. Default: `endpoint` with `ws(s):` and `/realtime/ws`. */
  readonly wsEndpoint?: string;
  /** The bearer token to send (`Authorization: Bearer`), or nothing for anonymous calls. */
  readonly onGetAuthToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Called with the token from `set-auth-token` after sign-in/up, and with `null` after sign-out. */
  readonly onSetAuthToken?: (token: string | null) => void | Promise<void>;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch;
  readonly headers?: HeadersOption;
  /**
   * The `Origin` header sent outside browsers, where Better Auth refuses credential POSTs without a
   * trusted one. Default: the endpoint's origin when there is no `document` (Node, Bun, React Native,
   * Workers); never set in browsers (they send their own). `false` sends none.
   */
  readonly origin?: string | false;
  /** A WebSocket constructor where there is no global one (Node 20: `import WebSocket from "ws"`). */
  readonly WebSocket?: WebSocketConstructor;
  /** Better Auth's mount path on the Worker (`config.auth.basePath`). Default `/api/auth`. */
  readonly authBasePath?: string;
  /** Reconnect backoff of the realtime socket: `initialMs` doubling up to `maxMs` (1 s → 16 s), jittered. */
  readonly reconnect?: { readonly initialMs?: number; readonly maxMs?: number };
  /**
   * How long the realtime socket stays open after the last live query ends, in ms (default 2000; 0
   * closes it at once). A query started meanwhile reuses the socket, so React StrictMode's remount or
   * a page change does not reconnect.
   */
  readonly socketIdleCloseMs?: number;
}
