import { AppflareError } from "./AppflareError";
import type { AppflareResult } from "./AppflareResult";
import type { AppflareClientOptions } from "./ClientOptions";
import { errorFromBody } from "./errorFromBody";

/** One HTTP call the transport makes; `path` is relative to the endpoint (`/queries/tasks/list?…`). */
export interface TransportRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: BodyInit | null;
  /** `"half"` for streamed request bodies (fetch requires it for a ReadableStream). */
  readonly duplex?: "half";
  readonly signal?: AbortSignal;
}

/** The HTTP layer every client part shares: endpoint, headers, auth token, Origin, error mapping. */
export interface Transport {
  readonly endpoint: string;
  readonly fetch: typeof fetch;
  /** Headers every request carries: user headers, `Authorization`, `Origin` outside browsers. */
  headers(): Promise<Record<string, string>>;
  /** The raw response, or an `AppflareError` (any non-2xx status, or a network error). */
  send(request: TransportRequest): Promise<AppflareResult<Response>>;
  /** `send`, then the body parsed as JSON (text when it is not JSON). */
  json<T>(request: TransportRequest): Promise<AppflareResult<T>>;
}

/** True where the page's own Origin is sent by the runtime (a browser document). */
const inBrowser = (): boolean => (globalThis as { document?: unknown }).document !== undefined;

/**
 * Builds the transport from client options. The endpoint loses trailing slashes; the default Origin
 * outside browsers is the endpoint's own, which Better Auth always trusts.
 *
 * @example
 * const http = createTransport({ endpoint: "http://127.0.0.1:8787" });
 * const { data } = await http.json({ method: "GET", path: "/queries/tasks/list" });
 */
export function createTransport(options: AppflareClientOptions): Transport {
  const endpoint = options.endpoint.replace(/\/+$/, "");
  const origin = options.origin ?? (inBrowser() ? false : new URL(endpoint).origin);
  const doFetch =
    options.fetch ?? ((input: string | URL | Request, init?: RequestInit) => fetch(input, init));

  const headers = async (): Promise<Record<string, string>> => {
    const extra = typeof options.headers === "function" ? await options.headers() : options.headers;
    const out: Record<string, string> = { ...extra };
    const token = await options.onGetAuthToken?.();
    if (token) out.authorization = `Bearer ${token}`;
    if (origin) out.origin = origin;
    return out;
  };

  const send = async (request: TransportRequest): Promise<AppflareResult<Response>> => {
    const route = `${request.method} ${request.path.split("?")[0]}`;
    let response: Response;
    try {
      const init: RequestInit & { duplex?: "half" } = {
        method: request.method,
        headers: { ...(await headers()), ...request.headers },
        body: request.body ?? null,
      };
      if (request.duplex) init.duplex = request.duplex;
      if (request.signal) init.signal = request.signal;
      response = await doFetch(`${endpoint}${request.path}`, init);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      return {
        data: null,
        error: new AppflareError({
          status: 0,
          code: "network_error",
          message: `${route} failed before an answer: ${message}`,
          body: null,
          route,
        }),
      };
    }
    if (response.ok) return { data: response, error: null };
    return { data: null, error: await errorFromResponse(response, route) };
  };

  return {
    endpoint,
    fetch: doFetch,
    headers,
    send,
    async json<T>(request: TransportRequest) {
      const result = await send(request);
      if (result.error) return result;
      return { data: (await readBody(result.data)) as T, error: null };
    },
  };
}

/** The body as JSON, else as text (`null` when empty). */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Maps a non-2xx response to the docs/client.md error shape, keeping the whole body for the caller. */
async function errorFromResponse(response: Response, route: string): Promise<AppflareError> {
  let body: unknown = null;
  try {
    body = await readBody(response);
  } catch {
    // A body that cannot be read (connection cut mid-way) leaves only the status to report.
  }
  return errorFromBody(response.status, body, route);
}
