/**
 * The path a request really names once every ASCII percent-escape is decoded (`%61dmin` → `admin`,
 * `%2F` → `/`; repeatedly, so double encoding cannot hide a segment), backslashes and repeated
 * slashes are collapsed and `.`/`..` segments are resolved. The dashboard's gate compares this with
 * its base path, so no spelling of `/admin` reaches a dashboard page without the admin check.
 * Non-ASCII escapes are kept as they are: they cannot spell an ASCII base path, and a malformed one
 * must not make the check throw.
 *
 * @example
 * canonicalPath("//%61dmin/tables/../users"); // "/admin/users"
 */
export function canonicalPath(rawPath: string): string {
  let path = rawPath;
  for (let round = 0; round < 4; round++) {
    const decoded = path.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (decoded === path) break;
    path = decoded;
  }
  const out: string[] = [];
  for (const segment of path.replaceAll("\\", "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return `/${out.join("/")}`;
}

/** Whether `path` is `base` itself or below it (`/admin`, `/admin/x`; not `/administrator`). */
export function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}
