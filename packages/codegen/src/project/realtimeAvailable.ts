import { lookupPackageDir } from "../tools/findPackageDir";

/**
 * Whether the realtime Durable Object can be generated: `@appflare/realtime-do` is installed, next to the
 * app's `@appflare/server` or in the app. Without it `createWorker` has no `RealtimeObject` to export,
 * and a wrangler.json naming a class the Worker does not export would fail to start.
 *
 * @example
 * realtimeAvailable("/app"); // false until @appflare/realtime-do is installed
 */
export function realtimeAvailable(root: string): boolean {
  const server = lookupPackageDir(root, "@appflare/server");
  const from = server ? [server, root] : [root];
  return from.some((dir) => lookupPackageDir(dir, "@appflare/realtime-do") !== undefined);
}
