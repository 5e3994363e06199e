/**
 * What the storage API tells about one object: `PUT /storage/object` and `POST /storage/upload`
 * answer it, `GET /storage/list` lists it, `ctx.storage.put`/`list` return it. Over HTTP `uploaded` is
 * an ISO string (handler results are JSON too, so `Date` becomes the same string there).
 */
export interface StorageObjectInfo {
  /** The normalized key. */
  readonly path: string;
  /** Bytes. */
  readonly size: number;
  /** R2's etag (unquoted; the `ETag` header carries it quoted). */
  readonly etag: string;
  readonly uploaded: Date;
  /** The `Content-Type` given at upload, or `null`. */
  readonly contentType: string | null;
}

/**
 * The public view of an R2 object.
 * @example toObjectInfo(await bucket.head("a.png")) // { path: "a.png", size, etag, uploaded, contentType }
 */
export function toObjectInfo(object: R2Object): StorageObjectInfo {
  return {
    path: object.key,
    size: object.size,
    etag: object.etag,
    uploaded: object.uploaded,
    contentType: object.httpMetadata?.contentType ?? null,
  };
}
