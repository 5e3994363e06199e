/** R2's limit on an object's custom metadata: keys and values together, in UTF-8 bytes. */
export const MAX_CUSTOM_METADATA_BYTES = 2048;

const encoder = new TextEncoder();

/**
 * Why R2 would refuse this custom metadata, or `undefined` when it fits. R2 refuses more than
 * {@link MAX_CUSTOM_METADATA_BYTES} bytes of keys and values in production, but the local
 * simulator accepts it — checking here makes `wrangler dev` fail the way production would, with a
 * 400 instead of an R2 error turned 500.
 *
 * @example
 * customMetadataProblem({ owner: "u1" }); // undefined
 * customMetadataProblem({ note: "x".repeat(3000) }); // "custom metadata is 3004 bytes; R2 stores at most 2048 …"
 */
export function customMetadataProblem(
  metadata: Readonly<Record<string, string>> | undefined,
): string | undefined {
  if (metadata === undefined) return undefined;
  let bytes = 0;
  for (const [key, value] of Object.entries(metadata)) {
    bytes += encoder.encode(key).byteLength + encoder.encode(value).byteLength;
  }
  if (bytes <= MAX_CUSTOM_METADATA_BYTES) return undefined;
  return `custom metadata is ${bytes} bytes; R2 stores at most ${MAX_CUSTOM_METADATA_BYTES} (keys and values, UTF-8)`;
}
