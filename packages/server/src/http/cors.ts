import type { MiddlewareHandler } from "hono";

/** Where the allowed origins come from: the config list, else env `ALLOWED_ORIGINS` (comma list). */
export interface CorsOptions {
  /** Normalized origins from the config, or `null` to read env `ALLOWED_ORIGINS` per request. */
  readonly origins: readonly string[] | null;
}

const ALLOW_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
// Used when a preflight names no headers; otherwise the requested ones are echoed, which is how
// `x-appflare-meta-<key>` upload headers (no wildcard exists for request headers) get through.
const DEFAULT_ALLOW_HEADERS =
  "content-type, authorization, x-request-id, range, if-none-match, if-range, if-modified-since";
// The client reads the request id and Better Auth's bearer token, and storage downloads need their
// validators, ranges and file names.
const EXPOSE_HEADERS =
  "x-request-id, set-auth-token, etag, content-range, content-disposition, accept-ranges";
const META_PREFIX = "x-appflare-meta-";

/**
 * CORS for every route. An origin listed explicitly is echoed with `Access-Control-Allow-Credentials:
 * true` (cookies and bearer tokens work); an origin allowed only by `"*"` gets `*` and no credentials,
 * so a wildcard never grants credentialed access. Unlisted origins get no CORS headers (the browser
 * blocks them). `Vary: Origin` is always set when CORS is configured, so caches never mix origins.
 */
export function cors(options: CorsOptions): MiddlewareHandler<{ Bindings: object }> {
  let envCache: { raw: string; origins: Set<string> } | undefined;
  const configured = options.origins ? new Set(options.origins.map(normalizeOrigin)) : null;

  const allowedOrigins = (env: object): Set<string> => {
    if (configured) return configured;
    const raw = (env as { ALLOWED_ORIGINS?: unknown }).ALLOWED_ORIGINS;
    const text = typeof raw === "string" ? raw : "";
    if (envCache?.raw !== text) envCache = { raw: text, origins: parseOriginList(text) };
    return envCache.origins;
  };

  return async (c, next) => {
    const allowed = allowedOrigins(c.env ?? {});
    const origin = c.req.header("origin");
    const isPreflight =
      c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined;
    const grant = origin === undefined || allowed.size === 0 ? null : decide(allowed, origin);

    if (isPreflight) {
      const headers = new Headers();
      if (allowed.size > 0) headers.set("vary", "Origin");
      if (grant) {
        applyGrant(headers, grant);
        headers.set("access-control-allow-methods", ALLOW_METHODS);
        headers.set(
          "access-control-allow-headers",
          c.req.header("access-control-request-headers") ?? DEFAULT_ALLOW_HEADERS,
        );
        headers.set("access-control-max-age", "600");
      }
      return new Response(null, { status: 204, headers });
    }

    await next();
    if (allowed.size === 0) return;
    const headers = c.res.headers;
    appendVary(headers, "Origin");
    if (grant) {
      applyGrant(headers, grant);
      headers.set("access-control-expose-headers", exposeHeaders(headers));
    }
  };
}

/**
 * `Access-Control-Expose-Headers` for one response: the fixed list plus the response's own
 * `x-appflare-meta-*` headers (storage custom metadata), named one by one — a `*` would not apply to
 * credentialed requests, and patterns do not exist.
 */
function exposeHeaders(headers: Headers): string {
  const meta: string[] = [];
  for (const [name] of headers) if (name.startsWith(META_PREFIX)) meta.push(name);
  return meta.length === 0 ? EXPOSE_HEADERS : `${EXPOSE_HEADERS}, ${meta.join(", ")}`;
}

type Grant = { origin: string; credentials: true } | { origin: "*"; credentials: false };

function decide(allowed: Set<string>, origin: string): Grant | null {
  if (allowed.has(normalizeOrigin(origin))) return { origin, credentials: true };
  if (allowed.has("*")) return { origin: "*", credentials: false };
  return null;
}

function applyGrant(headers: Headers, grant: Grant): void {
  headers.set("access-control-allow-origin", grant.origin);
  if (grant.credentials) headers.set("access-control-allow-credentials", "true");
  else headers.delete("access-control-allow-credentials");
}

function appendVary(headers: Headers, value: string): void {
  const current = headers.get("vary");
  if (!current) headers.set("vary", value);
  else if (!current.split(",").some((v) => v.trim().toLowerCase() === value.toLowerCase())) {
    headers.set("vary", `${current}, ${value}`);
  }
}

/** `https://App.example.com/` → `https://app.example.com`; `*` stays; anything unparsable is dropped. */
function normalizeOrigin(value: string): string {
  const trimmed = value.trim();
  if (trimmed === "*") return "*";
  let origin: string;
  try {
    origin = new URL(trimmed).origin;
  } catch {
    return "";
  }
  return origin === "null" ? "" : origin;
}

/** Parses env `ALLOWED_ORIGINS` (`"https://a.com, https://b.com"`), skipping blank or invalid entries. */
function parseOriginList(text: string): Set<string> {
  const out = new Set<string>();
  for (const entry of text.split(",")) {
    const origin = normalizeOrigin(entry);
    if (origin) out.add(origin);
  }
  return out;
}
