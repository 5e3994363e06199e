/** Header carrying the request id, in and out. */
export const REQUEST_ID_HEADER = "x-request-id";

// Ids from upstream proxies are echoed into logs and headers: accept only short, plain tokens.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of one request: the incoming `x-request-id` when it is a plain token of ≤ 128 characters
 * (so a proxy's id correlates logs end to end), otherwise a fresh UUID.
 */
export function requestIdFor(request: Request): string {
  const incoming = request.headers.get(REQUEST_ID_HEADER);
  return incoming && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
}
