import { lookupPackageDir } from "../tools/findPackageDir";

/**
 * Whether the generated worker can mount the admin dashboard: `@appflare/dashboard` is installed, in the
 * app or next to its `@appflare/server`. Without it the worker does not import it, so an app that does
 * not install the dashboard carries none of its code.
 *
 * @example
 * dashboardAvailable("/app"); // false until @appflare/dashboard is installed
 */
export function dashboardAvailable(root: string): boolean {
  const server = lookupPackageDir(root, "@appflare/server");
  const from = server ? [server, root] : [root];
  return from.some((dir) => lookupPackageDir(dir, "@appflare/dashboard") !== undefined);
}
