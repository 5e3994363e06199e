import { type AppflareError, PayloadTooLargeError } from "../errors/AppflareError";
import { InvalidBodyError } from "../errors/InvalidBodyError";

/**
 * Streams a body whose length is announced (`Content-Length`) straight into `bucket.put`: nothing is
 * buffered. R2 needs a stream of known length, which a `FixedLengthStream` provides; a counting
 * stream in front of it turns a body that does not match its announced length into a clear error
 * (413 when longer — the announced length is the cap for this request —, 400 when shorter). A failed
 * stream fails the `put` before R2 has all the bytes, and R2 stores nothing: a put is all or nothing.
 *
 * @example await putKnownLength(env.STORAGE, "a.bin", request.body, 1024, 100 * 2 ** 20, {});
 */
export async function putKnownLength(
  bucket: R2Bucket,
  key: string,
  body: ReadableStream<Uint8Array> | null,
  length: number,
  limit: number,
  options: R2PutOptions,
): Promise<R2Object> {
  if (length > limit) throw new PayloadTooLargeError(limit);
  if (body === null) {
    if (length > 0) throw new InvalidBodyError(`The request has no body but its Content-Length is ${length}`);
    return bucket.put(key, new Uint8Array(0), options);
  }

  let failure: AppflareError | undefined;
  let seen = 0;
  // R2 commits as soon as the FixedLengthStream has delivered `length` bytes, so the chunk that
  // completes the length is held back until the body ends: a byte past it must fail the put first.
  let last: Uint8Array | undefined;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > length) {
        failure = new PayloadTooLargeError(length);
        controller.error(failure);
        return;
      }
      if (seen === length) last = chunk;
      else controller.enqueue(chunk);
    },
    flush(controller) {
      if (seen < length) {
        failure = new InvalidBodyError(
          `The request body ended after ${seen} bytes but its Content-Length is ${length}; nothing was stored`,
        );
        controller.error(failure);
        return;
      }
      if (last) controller.enqueue(last);
    },
  });
  const fixed = new FixedLengthStream(length);
  const piped = body.pipeThrough(counter).pipeTo(fixed.writable);
  // The put reports a broken stream; this only keeps the pipe's own rejection from going unhandled.
  piped.catch(() => {});
  try {
    const object = await bucket.put(key, fixed.readable, options);
    await piped;
    return object;
  } catch (error) {
    throw failure ?? error;
  }
}
