import type { AppflareResult } from "./AppflareResult";
import type { Transport } from "./createTransport";
import { uploadWithProgress } from "./uploadWithProgress";

/** An object's description, as the storage routes answer it (`uploaded` is an ISO string). */
export interface StorageObject {
  readonly path: string;
  readonly size: number;
  readonly etag: string;
  readonly uploaded: string;
  readonly contentType: string | null;
}

/** One page of `list`. */
export interface StorageListPage {
  readonly objects: StorageObject[];
  readonly prefixes: string[];
  /** Pass back as `cursor` for the next page; `null` on the last one. */
  readonly cursor: string | null;
  readonly truncated: boolean;
}

/** Body types `upload` streams. */
export type UploadBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

/** Options of `upload`. */
export interface UploadOptions {
  /** The key: `users/42/avatar.png` (normalized by the server; `..` and friends are refused). */
  readonly path: string;
  readonly body: UploadBody;
  readonly contentType?: string;
  /** Bytes sent so far, and the total when known. */
  readonly onProgress?: (progress: { readonly loaded: number; readonly total: number | undefined }) => void;
  readonly signal?: AbortSignal;
}

/** `appflare.storage`: the R2 routes of docs/dashboard.md, each checked by the app's storage managers. */
export interface StorageClient {
  /** `PUT /storage/object?path=` with the body streamed (never base64). */
  upload(options: UploadOptions): Promise<AppflareResult<StorageObject>>;
  /** The object's URL (`download` makes it an attachment; a string names the file). */
  url(options: { readonly path: string; readonly download?: boolean | string }): string;
  /** The object as a `Response` (stream it, or `.blob()` / `.text()` it). */
  get(options: { readonly path: string }): Promise<AppflareResult<Response>>;
  delete(options: { readonly path: string }): Promise<AppflareResult<{ path: string; deleted: true }>>;
  list(options?: {
    readonly prefix?: string;
    readonly cursor?: string;
    readonly limit?: number;
    readonly delimiter?: string;
  }): Promise<AppflareResult<StorageListPage>>;
}

const objectPath = (path: string) => `/storage/object?path=${encodeURIComponent(path)}`;

/**
 * The storage helpers over the shared transport.
 *
 * @example
 * const storage = createStorageClient(transport);
 * await storage.upload({ path: "a.txt", body: "hi", contentType: "text/plain" });
 */
export function createStorageClient(transport: Transport): StorageClient {
  return {
    upload: (options) => uploadWithProgress(transport, objectPath(options.path), options),
    url({ path, download }) {
      const suffix =
        download === undefined || download === false
          ? ""
          : `&download=${download === true ? "" : encodeURIComponent(download)}`;
      return `${transport.endpoint}${objectPath(path)}${suffix}`;
    },
    get: ({ path }) => transport.send({ method: "GET", path: objectPath(path) }),
    delete: ({ path }) => transport.json({ method: "DELETE", path: objectPath(path) }),
    list(options = {}) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(options))
        if (value !== undefined) params.set(key, String(value));
      const query = params.size > 0 ? `?${params}` : "";
      return transport.json({ method: "GET", path: `/storage/list${query}` });
    },
  };
}
