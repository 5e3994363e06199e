/**
 * Copies every `Set-Cookie` line of `from` onto `to` (one entry per cookie: workerd has
 * `getSetCookie`, which the default workers-types do not declare).
 */
export function copySetCookies(from: Headers, to: Headers): void {
  for (const cookie of (from as Headers & { getSetCookie(): string[] }).getSetCookie())
    to.append("set-cookie", cookie);
}
