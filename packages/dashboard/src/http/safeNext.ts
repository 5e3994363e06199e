import { canonicalPath, isUnder } from "./canonicalPath";

/**
 * Where to go after signing in: `next` when it is a dashboard path on this origin, else the base.
 * Refuses `//evil.example`, `https://...` and paths outside the dashboard (no open redirect).
 *
 * @example
 * safeNext("/admin/tables/posts?sort=title", "/admin"); // "/admin/tables/posts?sort=title"
 */
export function safeNext(next: string | undefined, base: string): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) return base;
  const [path = "", search] = splitOnce(next, "?");
  if (canonicalPath(path) !== path || !isUnder(path, base)) return base;
  return search === undefined ? path : `${path}?${search}`;
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
