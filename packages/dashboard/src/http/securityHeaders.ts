/**
 * Strict CSP for every dashboard response: scripts and styles only from the Worker's own files (no
 * inline code, no eval), no framing, forms post only to this origin. Images may be `blob:` (upload
 * previews) and `data:`.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

/** Adds the CSP and the usual hardening headers to a dashboard response. */
export function applySecurityHeaders(headers: Headers): void {
  headers.set("content-security-policy", DASHBOARD_CSP);
  headers.set("x-content-type-options", "nosniff");
  headers.set("x-frame-options", "DENY");
  headers.set("referrer-policy", "same-origin");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
}
