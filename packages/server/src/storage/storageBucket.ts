/**
 * The R2 bucket bound as `binding` in the Worker env, or a clear error naming the binding and the fix.
 * @example const bucket = storageBucket(env, config.storage.binding);
 */
export function storageBucket(env: unknown, binding: string): R2Bucket {
  const bucket = (env as Record<string, unknown> | null | undefined)?.[binding];
  if (
    typeof bucket !== "object" ||
    bucket === null ||
    typeof (bucket as Partial<R2Bucket>).createMultipartUpload !== "function"
  ) {
    throw new Error(
      `The R2 binding "${binding}" is missing from the Worker env: add it to wrangler.json (appflare build does), or set config.storage.binding`,
    );
  }
  return bucket as R2Bucket;
}
