/**
 * An npm package name for a new app from its folder name (lowercase, URL-safe). The Worker name is
 * then derived from it by `resolveConfig`, so `appflare init` does not name the Worker itself.
 *
 * @example
 * packageNameFor("My App"); // "my-app"
 */
export function packageNameFor(folder: string): string {
  const slug = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "")
    .slice(0, 214);
  return slug || "appflare-app";
}
