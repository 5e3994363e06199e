import { InvalidArgsError } from "../errors/AppflareError";

/** Request/response headers carrying custom metadata: `x-appflare-meta-<key>: <value>` (like S3's `x-amz-meta-*`). */
export const METADATA_HEADER_PREFIX = "x-appflare-meta-";

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The custom metadata an upload request carries in `x-appflare-meta-*` headers (keys are lower case:
 * HTTP header names are case-insensitive), or `undefined` when it carries none.
 * @example metadataFromHeaders(new Headers({ "x-appflare-meta-owner": "u1" })) // { owner: "u1" }
 */
export function metadataFromHeaders(headers: Headers): Record<string, string> | undefined {
  let metadata: Record<string, string> | undefined;
  for (const [name, value] of headers) {
    if (!name.startsWith(METADATA_HEADER_PREFIX) || name.length === METADATA_HEADER_PREFIX.length) continue;
    metadata ??= {};
    metadata[name.slice(METADATA_HEADER_PREFIX.length)] = value;
  }
  return metadata;
}

/**
 * Adds an object's custom metadata to response headers. Header values must be bytes, so a value that
 * is not printable ASCII is sent percent-encoded (UTF-8); a key that is not a valid header name is
 * left out (read it with `ctx.storage.head`).
 * @example writeMetadataHeaders(headers, { owner: "u1" }) // x-appflare-meta-owner: u1
 */
export function writeMetadataHeaders(headers: Headers, metadata: Record<string, string> | undefined): void {
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (!TOKEN.test(key)) continue;
    headers.set(
      `${METADATA_HEADER_PREFIX}${key}`,
      PRINTABLE_ASCII.test(value) ? value : encodeURIComponent(value),
    );
  }
}

/**
 * 400 `invalid_args` for upload metadata headers R2 would refuse, naming them.
 * @example invalidMetadataHeaders("custom metadata is 3000 bytes; …")
 */
export function invalidMetadataHeaders(problem: string): never {
  throw new InvalidArgsError(`x-appflare-meta-* headers: ${problem}`, [
    { code: "invalid_value", path: ["customMetadata"], message: problem },
  ]);
}
