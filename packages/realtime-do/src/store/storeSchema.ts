/**
 * The Durable Object's SQLite tables (`ctx.storage.sql`). Everything a shard needs to keep serving
 * after an eviction lives here; memory only caches it.
 * - `rt_keys`: one row per subscription key `(queryName, args, userId)`: the caller it runs as, its last
 *   result (JSON text, digest, version), what that run read, and whether an event made it stale.
 * - `rt_subs`: which socket subscription (connection, client id) listens to which key, and the digest
 *   that socket last received (so nothing equal is sent twice, and resumes compare against it).
 * - `rt_connections`: who each socket is (the caller its subscriptions run as).
 * - `rt_tokens`: endpoint-first subscription tokens, bound to their user, with their expiry (`NULL`
 *   while a socket opened with the token is connected).
 * - `rt_meta`: the version clock.
 */
export const STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS rt_keys (
  key TEXT PRIMARY KEY,
  query_name TEXT NOT NULL,
  args TEXT NOT NULL,
  user_id TEXT,
  caller TEXT,
  version INTEGER NOT NULL DEFAULT 0,
  hash TEXT,
  data TEXT,
  reads TEXT,
  dirty INTEGER NOT NULL DEFAULT 1,
  bookmark TEXT
);
CREATE INDEX IF NOT EXISTS rt_keys_dirty ON rt_keys (dirty) WHERE dirty = 1;
CREATE TABLE IF NOT EXISTS rt_subs (
  conn_id TEXT NOT NULL,
  sub_id TEXT NOT NULL,
  key TEXT NOT NULL,
  sent_hash TEXT,
  known_hash TEXT,
  PRIMARY KEY (conn_id, sub_id)
);
CREATE INDEX IF NOT EXISTS rt_subs_key ON rt_subs (key);
CREATE TABLE IF NOT EXISTS rt_connections (
  conn_id TEXT PRIMARY KEY,
  mode TEXT NOT NULL,
  user_id TEXT,
  session_id TEXT,
  caller TEXT,
  token TEXT
);
CREATE INDEX IF NOT EXISTS rt_connections_user ON rt_connections (user_id);
CREATE TABLE IF NOT EXISTS rt_tokens (
  token TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  session_id TEXT,
  query_name TEXT NOT NULL,
  args TEXT NOT NULL,
  signature TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER
);
CREATE INDEX IF NOT EXISTS rt_tokens_user ON rt_tokens (user_id);
CREATE TABLE IF NOT EXISTS rt_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

/**
 * Creates the tables, and adds columns that later versions introduced to a store created before them
 * (a Durable Object's storage outlives deploys; `CREATE TABLE IF NOT EXISTS` leaves old tables as they are).
 */
export function applyStoreSchema(sql: SqlStorage): void {
  sql.exec(STORE_SCHEMA);
  const hasExpiry = sql
    .exec("SELECT 1 FROM pragma_table_info('rt_tokens') WHERE name = 'expires_at'")
    .toArray().length;
  if (hasExpiry > 0) return;
  sql.exec("ALTER TABLE rt_tokens ADD COLUMN expires_at INTEGER");
  // Tokens issued before expiries existed: those a socket holds expire when it closes, the rest now.
  sql.exec(
    "UPDATE rt_tokens SET expires_at = created_at WHERE token NOT IN (SELECT token FROM rt_connections WHERE token IS NOT NULL)",
  );
}
