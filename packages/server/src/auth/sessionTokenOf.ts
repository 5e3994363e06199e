/**
 * The session token a request presents: `Authorization: Bearer <token>` first, else the Better Auth
 * session cookie `cookieName`. Both must carry Better Auth's signature (`token.signature`, URL-encoded
 * in cookies): a bare token never authenticates, so it is treated as no credential at all. Only the
 * token part is returned. `undefined` when there is none.
 *
 * The signature is not checked here: the result is only used as a lookup key for a session that
 * already ended, and guessing a key requires knowing the token itself.
 *
 * @example
 * sessionTokenOf(new Request("https://x", { headers: { authorization: "Bearer abc.sig" } }), "better-auth.session_token"); // "abc"
 */
export function sessionTokenOf(request: Request, cookieName: string): string | undefined {
  const authorization = request.headers.get("authorization");
  if (authorization && authorization.slice(0, 7).toLowerCase() === "bearer ") {
    // An unsigned bearer is ignored, as Better Auth's bearer plugin ignores it: the cookie may still count.
    const token = tokenPart(authorization.slice(7).trim());
    if (token) return token;
  }
  const cookies = request.headers.get("cookie");
  if (!cookies) return undefined;
  for (const pair of cookies.split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === cookieName) return tokenPart(pair.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Cheap pre-check before asking Better Auth (and D1) anything: does the request carry a bearer token
 * or the session cookie `cookieName`?
 */
export function hasSessionCredentials(request: Request, cookieName: string): boolean {
  return sessionTokenOf(request, cookieName) !== undefined;
}

function tokenPart(raw: string): string | undefined {
  let value = raw;
  if (value.includes("%")) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  const [token, signature] = value.split(".");
  return token && signature ? token : undefined;
}
