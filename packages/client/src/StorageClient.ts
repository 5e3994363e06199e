import type { AppflareResult } from "./AppflareResult";

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

/** `appflare.storage`: the R2 routes of docs/storage.md, each checked by the app's storage managers. */
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
