import type { Hono } from "hono";
import type { AuthRuntime } from "../auth/createAuthRuntime";
import type { ResolvedConfig } from "../config/ResolvedConfig";
import { NotFoundError } from "../errors/AppflareError";
import type { AppEnv } from "./AppEnv";
import { cors } from "./cors";
import { errorResponse, jsonResponse } from "./errorResponse";
import { REQUEST_ID_HEADER, requestIdFor } from "./requestId";

/**
 * The middleware every route runs behind, plugins' included (installed before any plugin's `setup`):
 * the request id, CORS, cookie refreshes, and the api.md §3 error and 404 responses.
 *
 * @example
 * const app = new Hono<AppEnv<Env>>();
 * installMiddleware(app, { config, auth });
 */
export function installMiddleware<Env extends object>(
  app: Hono<AppEnv<Env>>,
  layers: { readonly config: ResolvedConfig; readonly auth: AuthRuntime<{}, Env> | undefined },
): void {
  const { config, auth } = layers;
  app.use("*", async (c, next) => {
    const requestId = requestIdFor(c.req.raw);
    c.set("requestId", requestId);
    await next();
    if (!c.res.headers.has(REQUEST_ID_HEADER)) c.res.headers.set(REQUEST_ID_HEADER, requestId);
    // A cookie session refreshed while resolving the caller: the browser gets the new expiry.
    auth?.forwardSessionCookies(c.req.raw, c.res.headers);
  });
  app.use("*", cors({ origins: config.cors }));
  app.onError((error, c) =>
    errorResponse(error, c.get("requestId"), `${c.req.method} ${new URL(c.req.url).pathname}`),
  );
  app.notFound((c) => {
    const error = new NotFoundError(`No route ${c.req.method} ${new URL(c.req.url).pathname}`);
    return jsonResponse(error.body, error.status, c.get("requestId"));
  });
}
