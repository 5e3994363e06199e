import { attachmentDisposition } from "./contentDisposition";
import { writeMetadataHeaders } from "./metadataHeaders";

/**
 * Headers on every object response. Objects are served from the app's own origin, where the session
 * cookie lives, and their content type is whatever the uploader said: `sandbox` makes an uploaded
 * HTML or SVG file an opaque-origin document (its scripts cannot use the session), `nosniff` stops
 * browsers from guessing a more dangerous type. `private, no-cache`: access depends on the caller,
 * so shared caches must not keep objects, and browsers revalidate with the ETag.
 */
export const OBJECT_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  "x-content-type-options": "nosniff",
  "cache-control": "private, no-cache",
});

/**
 * Response headers for an object (or a range of it, when `length` is less than its size):
 * content type, length, validators, `Accept-Ranges`, custom metadata, the security headers and, for
 * downloads, `Content-Disposition: attachment`.
 * @example new Response(object.body, { headers: objectHeaders(object, object.size, null) });
 */
export function objectHeaders(object: R2Object, length: number, download: string | null): Headers {
  const headers = validatorHeaders(object);
  headers.set("content-type", object.httpMetadata?.contentType ?? "application/octet-stream");
  headers.set("content-length", String(length));
  headers.set("accept-ranges", "bytes");
  if (download !== null) headers.set("content-disposition", attachmentDisposition(download));
  writeMetadataHeaders(headers, object.customMetadata);
  return headers;
}

/** `ETag`, `Last-Modified` and the security headers: what a 304 carries too. */
export function validatorHeaders(object: R2Object): Headers {
  const headers = new Headers(OBJECT_SECURITY_HEADERS);
  headers.set("etag", object.httpEtag);
  headers.set("last-modified", object.uploaded.toUTCString());
  return headers;
}

/**
 * True when a conditional GET may answer 304: `If-None-Match` lists the object's ETag (weak
 * comparison) or `*`; without `If-None-Match`, `If-Modified-Since` is not before its upload time.
 */
export function isNotModified(request: Headers, object: R2Object): boolean {
  const noneMatch = request.get("if-none-match");
  if (noneMatch !== null) {
    const tags = noneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
    return tags.includes("*") || tags.includes(object.httpEtag);
  }
  const since = Date.parse(request.get("if-modified-since") ?? "");
  return !Number.isNaN(since) && Math.floor(object.uploaded.getTime() / 1000) * 1000 <= since;
}

/**
 * `If-Range`: serve the range only if the client's validator still names this object (a strong ETag
 * match, or the exact `Last-Modified` date); otherwise the whole object, so a resumed download never
 * splices two versions.
 */
export function ifRangeHolds(request: Headers, object: R2Object): boolean {
  const value = request.get("if-range")?.trim();
  if (!value) return true;
  if (value.startsWith('"') || value.startsWith("W/")) return value === object.httpEtag;
  const date = Date.parse(value);
  return !Number.isNaN(date) && Math.floor(object.uploaded.getTime() / 1000) * 1000 === date;
}
