import { type Context, Hono, type Env as HonoEnv } from "hono";
import { InvalidPathError } from "../errors/InvalidPathError";
import type { StorageAccess } from "../handlers/HandlerDefinition";
import { accessDenied, checkStorageAccess, type StorageManagers } from "./checkStorageAccess";
import { storageManagerContext } from "./createStorageClient";
import { customMetadataProblem } from "./customMetadataProblem";
import { invalidListOption, listObjects, parseListOptions } from "./listObjects";
import { invalidMetadataHeaders, metadataFromHeaders } from "./metadataHeaders";
import { normalizeStorageKey } from "./normalizeStorageKey";
import { openBase64Upload } from "./openBase64Upload";
import { MIN_PART_BYTES, putChunked, uploadPartBytes } from "./putChunked";
import { putKnownLength } from "./putKnownLength";
import { toObjectInfo } from "./StorageObjectInfo";
import { serveObject } from "./serveObject";

/** Options of {@link storageRoutes}. */
export interface StorageRoutesOptions<E extends HonoEnv> {
  /** The R2 bucket for a request's bindings, e.g. `(env) => storageBucket(env, config.storage.binding)`. */
  readonly bucket: (env: E["Bindings"]) => R2Bucket;
  /** The app's storage managers by handler name; none → every request is 403. */
  readonly managers: StorageManagers;
  /** `limits.uploadBytes`: the largest object an upload may store (413 above it). */
  readonly uploadBytes: number;
  /**
   * The handler context storage managers receive for a request (session resolved, `user`, `db`...).
   * It may throw an `AppflareError` (401 expired token, 403 banned). Not called when there are no managers.
   */
  readonly buildContext: (c: Context<E>) => object | Promise<object>;
  /**
   * Part size of multipart uploads for bodies without `Content-Length` (≥ 5 MiB, R2's minimum).
   * Default: 5 MiB, or more when `uploadBytes` would need over 10,000 parts.
   */
  readonly partBytes?: number;
}

/**
 * The storage HTTP routes (docs/storage.md) as a Hono sub-app, to mount with `app.route("/", ...)`:
 * - `PUT /storage/object?path=` — raw body streamed into R2 (`Content-Type` kept, `x-appflare-meta-*`
 *   headers as custom metadata) → 200 `{ path, size, etag, uploaded, contentType }`;
 * - `GET|HEAD /storage/object?path=[&download=name]` — the object, with `Range` (206/416), ETag,
 *   Last-Modified, 304s and `Content-Disposition: attachment` for downloads;
 * - `DELETE /storage/object?path=` → 200 `{ path, deleted: true }` (also when nothing was there);
 * - `GET /storage/list?prefix=&cursor=&limit=&delimiter=` → `{ objects, prefixes, cursor, truncated }`;
 * - `POST /storage/upload[?path=]` JSON `{ path, contentType?, base64Body, customMetadata? }` (appflare 0.2),
 *   authorized from `path` before the payload is read, then decoded as it streams into R2.
 *
 * Every route normalizes the key first (400 `invalid_path`) and asks the storage managers about the
 * normalized key (403 `forbidden`) before touching the bucket; uploads over `uploadBytes` are 413
 * `payload_too_large` and store nothing. Errors are thrown as `AppflareError`s for the parent app's
 * error handler, except 416, which needs its `Content-Range` header.
 *
 * @example
 * app.route("/", storageRoutes<AppEnv<Env>>({
 *   bucket: (env) => storageBucket(env, "STORAGE"),
 *   managers, uploadBytes: config.limits.uploadBytes,
 *   buildContext: (c) => contextFor(c),
 * }));
 */
export function storageRoutes<E extends HonoEnv = { Bindings: Cloudflare.Env }>(
  options: StorageRoutesOptions<E>,
): Hono<E> {
  const { managers, uploadBytes } = options;
  if (!Number.isSafeInteger(uploadBytes) || uploadBytes < 1) {
    throw new TypeError(
      `storageRoutes: uploadBytes must be a positive integer (limits.uploadBytes), got ${uploadBytes}`,
    );
  }
  const partBytes = options.partBytes ?? uploadPartBytes(uploadBytes);
  if (!Number.isSafeInteger(partBytes) || partBytes < MIN_PART_BYTES) {
    throw new TypeError(
      `storageRoutes: partBytes must be an integer ≥ ${MIN_PART_BYTES} (R2's smallest part), got ${partBytes}`,
    );
  }

  const authorize = async (c: Context<E>, bucket: R2Bucket, access: StorageAccess): Promise<void> => {
    // No managers: denied whoever asks, so skip resolving the session.
    if (managers.size === 0) throw accessDenied(managers, access);
    const ctx = await options.buildContext(c);
    await checkStorageAccess(managers, storageManagerContext(ctx, bucket), access);
  };

  const app = new Hono<E>();

  app.put("/storage/object", async (c) => {
    const key = normalizeStorageKey(pathParam(c.req.url));
    const bucket = options.bucket(c.env);
    await authorize(c, bucket, { path: key, method: "put" });
    const request = c.req.raw;
    const contentType = request.headers.get("content-type")?.trim();
    const customMetadata = metadataFromHeaders(request.headers);
    const problem = customMetadataProblem(customMetadata);
    if (problem) invalidMetadataHeaders(problem);
    const putOptions: R2PutOptions = {
      httpMetadata: contentType ? { contentType } : undefined,
      customMetadata,
    };
    const length = declaredLength(request.headers);
    const object =
      length !== undefined
        ? await putKnownLength(bucket, key, request.body, length, uploadBytes, putOptions)
        : request.body
          ? await putChunked(bucket, key, request.body, uploadBytes, partBytes, putOptions)
          : await bucket.put(key, new Uint8Array(0), putOptions);
    return json(toObjectInfo(object));
  });

  app.get("/storage/object", async (c) => {
    const params = new URL(c.req.url).searchParams;
    const key = normalizeStorageKey(pathParam(c.req.url));
    const bucket = options.bucket(c.env);
    await authorize(c, bucket, { path: key, method: "get" });
    // `?download` with no name downloads under the key's last segment.
    const download = params.has("download") ? params.get("download") || (key.split("/").pop() ?? key) : null;
    return serveObject(bucket, key, c.req.raw, download);
  });

  app.delete("/storage/object", async (c) => {
    const key = normalizeStorageKey(pathParam(c.req.url));
    const bucket = options.bucket(c.env);
    await authorize(c, bucket, { path: key, method: "delete" });
    await bucket.delete(key);
    return json({ path: key, deleted: true });
  });

  app.get("/storage/list", async (c) => {
    const params = new URL(c.req.url).searchParams;
    const query = parseListOptions({
      prefix: single(params, "prefix") ?? undefined,
      cursor: params.get("cursor") || undefined,
      limit: limitParam(params.get("limit")),
      delimiter: params.get("delimiter") || undefined,
    });
    const bucket = options.bucket(c.env);
    await authorize(c, bucket, { path: query.prefix, method: "list" });
    return json(await listObjects(bucket, query));
  });

  app.post("/storage/upload", async (c) => {
    const bucket = options.bucket(c.env);
    // Access is checked from `path` before the payload is read; the payload then streams into R2.
    const upload = await openBase64Upload(c.req.raw, {
      uploadBytes,
      queryPath: single(new URL(c.req.url).searchParams, "path"),
      authorize: (key) => authorize(c, bucket, { path: key, method: "put" }),
    });
    const object = await putChunked(
      bucket,
      upload.key,
      upload.body,
      uploadBytes,
      partBytes,
      upload.putOptions,
    );
    return json(toObjectInfo(object));
  });

  app.all("/storage/object", (c) =>
    methodNotAllowed(c.req.method, "/storage/object", "GET, HEAD, PUT, DELETE"),
  );
  app.all("/storage/list", (c) => methodNotAllowed(c.req.method, "/storage/list", "GET, HEAD"));
  app.all("/storage/upload", (c) => methodNotAllowed(c.req.method, "/storage/upload", "POST"));
  return app;
}

/** The `path` query parameter, exactly once (two values could be read differently by two layers). */
function pathParam(url: string): string {
  const value = single(new URL(url).searchParams, "path");
  if (value === null) {
    throw new InvalidPathError(
      null,
      "empty",
      'pass the object key in the "path" query parameter, e.g. ?path=avatars%2Fu1.png',
    );
  }
  return value;
}

function single(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name);
  if (values.length > 1) {
    throw new InvalidPathError(
      values[0],
      "given_twice",
      `the "${name}" query parameter is given ${values.length} times; give it once`,
    );
  }
  return values[0] ?? null;
}

function limitParam(raw: string | null): number | undefined {
  if (raw === null || raw === "") return undefined;
  if (!/^\d{1,7}$/.test(raw))
    invalidListOption("limit", `limit must be an integer from 1 to 1000, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** `Content-Length` when it is a plain number; otherwise the body's length is unknown. */
function declaredLength(headers: Headers): number | undefined {
  const value = headers.get("content-length")?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

function methodNotAllowed(method: string, route: string, allow: string): Response {
  const response = json(
    { code: "method_not_allowed", message: `${method} ${route} is not supported; use ${allow}` },
    405,
  );
  response.headers.set("allow", allow);
  return response;
}
