import { createHash, createHmac } from "node:crypto";
import { join } from "node:path";

const UNIQUE_KEY = "miniflare-D1DatabaseObject";

/**
 * The SQLite file `wrangler dev` / `wrangler d1 … --local` keep a D1 database in, under
 * `<root>/.wrangler/state/v3`. Miniflare names it after the Durable Object id it derives from the
 * database id (`durableObjectNamespaceIdFromName`): an HMAC of the id keyed by the namespace, then an
 * HMAC of that — reproduced here so tools outside workerd (drizzle-kit studio) can open the same file.
 *
 * @example
 * localD1File("/app", "local"); // "/app/.wrangler/state/v3/d1/miniflare-D1DatabaseObject/2b35d4….sqlite"
 */
export function localD1File(root: string, databaseId: string): string {
  const key = createHash("sha256").update(UNIQUE_KEY).digest();
  const name = createHmac("sha256", key).update(databaseId).digest().subarray(0, 16);
  const check = createHmac("sha256", key).update(name).digest().subarray(0, 16);
  const id = Buffer.concat([name, check]).toString("hex");
  return join(root, ".wrangler", "state", "v3", "d1", UNIQUE_KEY, `${id}.sqlite`);
}
