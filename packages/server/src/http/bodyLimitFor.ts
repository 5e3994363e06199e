import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ResolvedConfig } from "../config/ResolvedConfig";
import { PayloadTooLargeError } from "../errors/AppflareError";

/**
 * `limits.bodyBytes` on every route (`/api/auth/*` and plugins' routes included) → 413
 * `payload_too_large`, through Hono's `bodyLimit`: by `Content-Length` without reading, a chunked body
 * as soon as it passes the cap. The storage upload routes are left to their own cap
 * (`limits.uploadBytes`): `PUT /storage/object` streams into R2 and `POST /storage/upload` decodes as
 * it reads, neither buffering the body.
 *
 * @example
 * app.use("*", bodyLimitFor(config));
 */
export function bodyLimitFor(config: ResolvedConfig): MiddlewareHandler {
  const limit = config.limits.bodyBytes;
  const limiter = bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new PayloadTooLargeError(limit);
    },
  });
  const storage = config.storage !== null;
  return (c, next) => {
    if (storage && isUploadRoute(c.req.method, new URL(c.req.url).pathname)) return next();
    return limiter(c, next);
  };
}

function isUploadRoute(method: string, path: string): boolean {
  return (
    (method === "PUT" && path === "/storage/object") || (method === "POST" && path === "/storage/upload")
  );
}
