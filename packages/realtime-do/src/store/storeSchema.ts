/**
 * The Durable Object's SQLite tables (`ctx.storage.sql`). Everything a shard needs to keep serving
 * after an eviction lives here; memory only caches it.
 * - `rt_keys`: one row per subscription key `(queryName, args, userId)`: the caller it runs as, its last
 *   result (JSON text, digest, version), what that run read, and whether an event made it stale.
 * - `rt_subs`: which socket subscription (connection, client id) listens to which key, and the digest
 *   that socket last received (so nothing equal is sent twice, and resumes compare against it).
 * - `rt_connections`: who each socket is (the caller its subscriptions run as).
 * - `rt_tokens`: endpoint-first subscription tokens, bound to their user.
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
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rt_tokens_user ON rt_tokens (user_id);
CREATE TABLE IF NOT EXISTS rt_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;
