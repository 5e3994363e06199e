import { PayloadTooLargeError } from "../errors/AppflareError";

/** R2's smallest multipart part (all parts but the last must be at least this, and equal). */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
/** R2's largest number of parts in one multipart upload. */
export const MAX_PARTS = 10_000;

/**
 * The part size for uploads of unknown length capped at `limit`: R2's minimum (it bounds the memory
 * one upload holds to one part), grown when `limit` would otherwise need more than 10,000 parts.
 * @example uploadPartBytes(100 * 2 ** 20) // 5 MiB
 */
export function uploadPartBytes(limit: number): number {
  return Number.isFinite(limit) ? Math.max(MIN_PART_BYTES, Math.ceil(limit / MAX_PARTS)) : MIN_PART_BYTES;
}

/** A chunk a body stream may yield. */
export type BodyChunk = ArrayBuffer | ArrayBufferView | string;

/**
 * Stores a body of unknown length (no `Content-Length`: chunked transfer, or a stream handed to
 * `ctx.storage.put`). R2's `put` needs a known length, so: read up to one part; a body that ends
 * there is stored with one `put`; a longer one becomes an R2 multipart upload of equal `partBytes`
 * parts (the last one shorter), so at most one part is held in memory. Past `limit` bytes the
 * upload is aborted and 413 thrown; any failure aborts it too, so nothing is stored.
 *
 * @example await putChunked(env.STORAGE, "big.bin", request.body, 100 * 2 ** 20, MIN_PART_BYTES, {});
 */
export async function putChunked(
  bucket: R2Bucket,
  key: string,
  body: ReadableStream<BodyChunk>,
  limit: number,
  partBytes: number,
  options: R2PutOptions | (() => R2PutOptions),
): Promise<R2Object> {
  // A function is asked only when R2 needs the options: a body's own trailer may set them.
  const optionsNow = () => (typeof options === "function" ? options() : options);
  const reader = body.getReader();
  const parts = new PartBuffer(partBytes);
  const uploaded: R2UploadedPart[] = [];
  let upload: R2MultipartUpload | undefined;
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = toBytes(value);
      total += chunk.byteLength;
      if (total > limit) throw new PayloadTooLargeError(limit);
      for (const part of parts.push(chunk)) {
        if (uploaded.length === MAX_PARTS) throw new PayloadTooLargeError(MAX_PARTS * partBytes);
        upload ??= await bucket.createMultipartUpload(key, optionsNow());
        uploaded.push(await upload.uploadPart(uploaded.length + 1, part));
      }
    }
    const rest = parts.rest();
    if (!upload) return await bucket.put(key, rest, optionsNow());
    if (rest.byteLength > 0) uploaded.push(await upload.uploadPart(uploaded.length + 1, rest));
    return await upload.complete(uploaded);
  } catch (error) {
    await reader.cancel(error).catch(() => {});
    await upload?.abort().catch((abortError: unknown) => {
      // R2 drops unfinished uploads after 7 days anyway; the object itself was never created.
      console.error(`[appflare] aborting the multipart upload of ${JSON.stringify(key)} failed:`, abortError);
    });
    throw error;
  }
}

/** Cuts a byte stream into parts of exactly `size` bytes. */
class PartBuffer {
  private buffer: Uint8Array | undefined;
  private filled = 0;

  constructor(private readonly size: number) {}

  /** Adds a chunk; returns the parts it completed. */
  push(chunk: Uint8Array): Uint8Array[] {
    const full: Uint8Array[] = [];
    let offset = 0;
    while (offset < chunk.byteLength) {
      this.buffer ??= new Uint8Array(this.size);
      const take = Math.min(this.size - this.filled, chunk.byteLength - offset);
      this.buffer.set(chunk.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.size) {
        full.push(this.buffer);
        this.buffer = undefined;
        this.filled = 0;
      }
    }
    return full;
  }

  /** The bytes after the last full part. */
  rest(): Uint8Array {
    return this.buffer ? this.buffer.subarray(0, this.filled) : new Uint8Array(0);
  }
}

const utf8 = new TextEncoder();

function toBytes(chunk: BodyChunk): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return utf8.encode(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError(
    `A storage body stream yielded ${Object.prototype.toString.call(chunk)}; it must yield bytes (Uint8Array, ArrayBuffer) or strings`,
  );
}
