import type { Context } from "hono";
import { generateCookie, getCookie } from "hono/cookie";

/** Form field and header that carry the CSRF token. */
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

const cookieName = (secure: boolean) => (secure ? "__Host-appflare-csrf" : "appflare-csrf");

/**
 * The CSRF token of this browser (double-submit cookie): read from its cookie, or minted, in which
 * case `setCookie` is the `Set-Cookie` line to send. `SameSite=Strict` and `HttpOnly`: only the
 * Worker's own pages ever learn it (they embed it in forms and a `<meta>` the script reads).
 */
export function csrfToken(c: Context): { readonly token: string; readonly setCookie?: string } {
  const secure = new URL(c.req.url).protocol === "https:";
  const existing = getCookie(c, cookieName(secure));
  if (existing && /^[0-9a-f]{64}$/.test(existing)) return { token: existing };
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const setCookie = generateCookie(cookieName(secure), token, {
    path: "/",
    httpOnly: true,
    sameSite: "Strict",
    secure,
  });
  return { token, setCookie };
}

/** Why a state-changing request is refused, or `null` when its origin and token check out. */
export async function csrfProblem(c: Context): Promise<string | null> {
  const url = new URL(c.req.url);
  const origin = c.req.header("origin");
  if (origin !== url.origin) {
    return origin
      ? `Origin ${origin} may not change the dashboard (expected ${url.origin})`
      : "Missing Origin header: the dashboard accepts changes only from its own pages";
  }
  const cookie = getCookie(c, cookieName(url.protocol === "https:"));
  if (!cookie) return "Missing CSRF cookie: reload the page and try again";
  let sent = c.req.header(CSRF_HEADER);
  if (!sent) {
    const type = c.req.header("content-type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      const form = await c.req.parseBody();
      const field = form[CSRF_FIELD];
      sent = typeof field === "string" ? field : undefined;
    }
  }
  if (!sent) return `Missing CSRF token: send the "${CSRF_FIELD}" field or the ${CSRF_HEADER} header`;
  return timingSafeEqual(sent, cookie) ? null : "CSRF token does not match: reload the page and try again";
}

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
