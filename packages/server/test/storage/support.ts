import { env } from "cloudflare:test";
import type { AnySchema } from "@appflare/schema";
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppflareError } from "../../src/errors/AppflareError";
import { defineHandlers } from "../../src/handlers/defineHandlers";
import type { StorageAccess } from "../../src/handlers/HandlerDefinition";
import type { StorageManagerLike, StorageManagers } from "../../src/storage/checkStorageAccess";
import { storageRoutes } from "../../src/storage/storageRoutes";

export const MiB = 1024 * 1024;

/** What the test `buildContext` gives storage managers: the caller named by `x-test-user`. */
export interface TestContext {
  readonly user: { readonly id: string } | null;
  readonly storage: {
    head(input: { path: string }): Promise<R2Object | null>;
  };
}

export const { storageManager } = defineHandlers<AnySchema>();

/** Managers keyed `rules/0`, `rules/1`, ... */
export function managersOf(
  ...handlers: Array<(ctx: TestContext, access: StorageAccess) => unknown>
): StorageManagers {
  return new Map<string, StorageManagerLike>(
    handlers.map((handler, i) => [`rules/${i}`, storageManager({ handler: handler as never })]),
  );
}

/**
 * The usual rules: anyone reads and lists `public/`; a signed-in user does anything under
 * `users/<id>/`; everything else is denied.
 */
export const ownerRules = managersOf((ctx, { path, method }) => {
  if (path.startsWith("public/") && (method === "get" || method === "list")) return true;
  return ctx.user !== null && path.startsWith(`users/${ctx.user.id}/`);
});

export const allowAll = managersOf(() => true);

export interface StorageAppOptions {
  readonly managers?: StorageManagers;
  readonly uploadBytes?: number;
  readonly partBytes?: number;
  /** Called each time the routes build a manager context. */
  readonly onBuildContext?: () => void;
}

/**
 * A Hono app with the storage routes mounted on the real R2 binding `env.STORAGE`, mapping
 * `AppflareError`s to their status and body the way the worker's error handler does.
 */
export function storageApp(options: StorageAppOptions = {}) {
  const app = new Hono<{ Bindings: Cloudflare.Env }>();
  app.onError((error, c) => {
    if (error instanceof AppflareError) return c.json(error.body, error.status as ContentfulStatusCode);
    console.error("unexpected error in a storage test", error);
    return c.json({ code: "internal", message: "Internal error" }, 500);
  });
  app.route(
    "/",
    storageRoutes({
      bucket: (bindings) => bindings.STORAGE,
      managers: options.managers ?? allowAll,
      uploadBytes: options.uploadBytes ?? 100 * MiB,
      partBytes: options.partBytes,
      buildContext: (c) => {
        options.onBuildContext?.();
        const id = c.req.header("x-test-user");
        return { user: id ? { id } : null };
      },
    }),
  );
  return app;
}

export type StorageApp = ReturnType<typeof storageApp>;

/** Sends one request through the app with the test bindings. */
export function send(
  app: StorageApp,
  method: string,
  path: string,
  init: { body?: BodyInit | null; headers?: Record<string, string>; user?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.user) headers.set("x-test-user", init.user);
  const request = new Request(`http://storage.test${path}`, {
    method,
    headers,
    body: init.body ?? null,
    // @ts-expect-error `duplex` is required by the fetch spec for streamed bodies; workers-types lacks it
    duplex: "half",
  });
  return Promise.resolve(app.fetch(request, env));
}

/** `/storage/object?path=<key>` (the key percent-encoded once, as a client does). */
export function objectUrl(key: string, extra = ""): string {
  return `/storage/object?path=${encodeURIComponent(key)}${extra}`;
}

/** Every key in the bucket under `prefix`, across pages. */
export async function keysUnder(prefix = ""): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.STORAGE.list({ prefix, cursor });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

/** Deterministic pseudo-random bytes for chunk `index` (xorshift32 seeded by the index). */
export function patternChunk(index: number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = (index + 1) * 2654435761;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/**
 * A stream of `total` pattern bytes in `chunkBytes` chunks, generated on demand (never held whole),
 * hashing what it hands out. `pulled()` counts the chunks handed out so far.
 */
export function patternStream(total: number, chunkBytes = 64 * 1024) {
  const digest = new crypto.DigestStream("SHA-256");
  const hasher = digest.getWriter();
  let sent = 0;
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= total) {
        await hasher.close();
        controller.close();
        return;
      }
      const size = Math.min(chunkBytes, total - sent);
      const chunk = patternChunk(index++, size);
      sent += size;
      await hasher.write(chunk);
      controller.enqueue(chunk);
    },
  });
  return { stream, digest: digest.digest, pulled: () => index };
}

/** SHA-256 of a stream, computed chunk by chunk. */
export async function sha256Of(stream: ReadableStream<Uint8Array>): Promise<string> {
  const digest = new crypto.DigestStream("SHA-256");
  await stream.pipeTo(digest);
  return hex(await digest.digest);
}

export function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
