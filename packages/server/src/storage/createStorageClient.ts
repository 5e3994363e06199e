import type { StorageAccess } from "../handlers/HandlerDefinition";
import type { StorageChecker } from "./checkStorageAccess";
import { customMetadataProblem } from "./customMetadataProblem";
import {
  listObjects,
  parseListOptions,
  type StorageListOptions,
  type StorageListResult,
} from "./listObjects";
import { normalizeStorageKey } from "./normalizeStorageKey";
import { putChunked, uploadPartBytes } from "./putChunked";
import { type StorageObjectInfo, toObjectInfo } from "./StorageObjectInfo";

/** What `ctx.storage.put` stores. A `ReadableStream` of unknown length is uploaded in parts. */
export type StorageBody = ReadableStream | ArrayBuffer | ArrayBufferView | string | Blob | null;

/** Input of `ctx.storage.put`. */
export interface StoragePutInput {
  /** Object key, normalized by the storage key rules. */
  readonly path: string;
  readonly body: StorageBody;
  /** Served back as `Content-Type`; default `application/octet-stream`. */
  readonly contentType?: string;
  /** String pairs stored with the object (R2 custom metadata). */
  readonly customMetadata?: Record<string, string>;
}

/** Input of `ctx.storage.get`, `head` and `delete`. */
export interface StoragePathInput {
  readonly path: string;
}

/**
 * `ctx.storage`: R2 through the same key rules and storage managers as the HTTP routes. Every call
 * normalizes its path (400 `invalid_path`) and asks the managers (403 `forbidden`) before touching
 * the bucket; `head` is checked as `get`.
 */
export interface StorageClient {
  /** Stores an object (replacing any at that path). */
  put(input: StoragePutInput): Promise<StorageObjectInfo>;
  /** The object with its body (`text()`, `json()`, `arrayBuffer()`, `body`), or `null`. */
  get(input: StoragePathInput): Promise<R2ObjectBody | null>;
  /** The object's size, etag, dates and metadata without its body, or `null`. */
  head(input: StoragePathInput): Promise<R2Object | null>;
  /** Deletes the object; deleting a missing object succeeds. */
  delete(input: StoragePathInput): Promise<void>;
  /** One page of objects under `prefix`; pass `cursor` back for the next one. */
  list(input?: StorageListOptions): Promise<StorageListResult>;
}

/**
 * Builds `ctx.storage` for one handler context. `checker` asks the storage managers (see
 * `storageChecker`); `null` builds an unchecked client, which is what storage managers themselves
 * get as `ctx.storage` (see {@link storageManagerContext}).
 *
 * @example
 * const storage = createStorageClient(env.STORAGE, storageChecker(managers), ctx);
 * await storage.put({ path: `users/${ctx.user.id}/avatar.png`, body: bytes, contentType: "image/png" });
 */
export function createStorageClient(
  bucket: R2Bucket,
  checker: StorageChecker | null,
  ctx: object,
): StorageClient {
  let managerContext: object | undefined;
  const check = async (access: StorageAccess): Promise<void> => {
    if (!checker) return;
    managerContext ??= storageManagerContext(ctx, bucket);
    await checker(managerContext, access);
  };

  return Object.freeze({
    async put(input: StoragePutInput): Promise<StorageObjectInfo> {
      const key = normalizeStorageKey(input?.path);
      await check({ path: key, method: "put" });
      const options = putOptions(key, input);
      const body = input.body;
      const object =
        body instanceof ReadableStream
          ? await putChunked(bucket, key, body, Number.POSITIVE_INFINITY, uploadPartBytes(Infinity), options)
          : await bucket.put(key, body, options);
      return toObjectInfo(object);
    },
    async get(input: StoragePathInput): Promise<R2ObjectBody | null> {
      const key = normalizeStorageKey(input?.path);
      await check({ path: key, method: "get" });
      return bucket.get(key);
    },
    async head(input: StoragePathInput): Promise<R2Object | null> {
      const key = normalizeStorageKey(input?.path);
      await check({ path: key, method: "get" });
      return bucket.head(key);
    },
    async delete(input: StoragePathInput): Promise<void> {
      const key = normalizeStorageKey(input?.path);
      await check({ path: key, method: "delete" });
      await bucket.delete(key);
    },
    async list(input?: StorageListOptions): Promise<StorageListResult> {
      const query = parseListOptions(input);
      await check({ path: query.prefix, method: "list" });
      return listObjects(bucket, query);
    },
  });
}

/**
 * The context storage managers receive: the caller's `ctx` with `storage` replaced by an unchecked
 * client. A manager may read an object to decide (e.g. its owner in custom metadata); a checked
 * client there would ask the managers again, forever.
 *
 * @example await checkStorageAccess(managers, storageManagerContext(ctx, bucket), { path, method: "get" });
 */
export function storageManagerContext(ctx: object, bucket: R2Bucket): object {
  // A prototype view keeps ctx's own getters (user, db...) working and leaves ctx itself untouched.
  return Object.create(ctx, {
    storage: { value: createStorageClient(bucket, null, ctx), enumerable: true },
  });
}

function putOptions(key: string, input: StoragePutInput): R2PutOptions {
  const { contentType, customMetadata } = input;
  if (contentType !== undefined && typeof contentType !== "string") {
    throw new TypeError(
      `ctx.storage.put(${JSON.stringify(key)}): contentType must be a string such as "image/png"`,
    );
  }
  for (const [name, value] of Object.entries(customMetadata ?? {})) {
    if (typeof value !== "string") {
      throw new TypeError(
        `ctx.storage.put(${JSON.stringify(key)}): customMetadata.${name} must be a string (R2 stores string pairs); convert it, e.g. with String() or JSON.stringify()`,
      );
    }
  }
  const problem = customMetadataProblem(customMetadata);
  if (problem) throw new TypeError(`ctx.storage.put(${JSON.stringify(key)}): ${problem}`);
  return {
    httpMetadata: contentType ? { contentType } : undefined,
    customMetadata,
  };
}
