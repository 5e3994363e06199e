import { applyStoreSchema } from "./storeSchema";

/** A subscription key's row (see `STORE_SCHEMA`). */
export interface KeyRow {
  readonly key: string;
  readonly queryName: string;
  /** JSON text of the args. */
  readonly args: string;
  readonly userId: string | null;
  /** JSON text of the caller (`RealtimeCaller`), `null` when anonymous. */
  readonly caller: string | null;
  /** 0 until the first run committed. */
  readonly version: number;
  readonly hash: string | null;
  /** JSON text of the last result. */
  readonly data: string | null;
  /** JSON text of the last run's reads. */
  readonly reads: string | null;
  readonly dirty: boolean;
  readonly bookmark: string | null;
}

/** One socket subscription listening to a key. */
export interface SubRow {
  readonly connId: string;
  readonly subId: string;
  readonly key: string;
  /** Digest of the last result this socket received (`null`: nothing yet). */
  readonly sentHash: string | null;
  /** Digest the client said it holds (`known.hash`), until it received something. */
  readonly knownHash: string | null;
}

/** Who a socket is. */
export interface ConnectionRow {
  readonly connId: string;
  readonly mode: "multiplexed" | "endpoint";
  readonly userId: string | null;
  readonly sessionId: string | null;
  /** JSON text of the caller, `null` when anonymous. */
  readonly caller: string | null;
  /** Endpoint-first: the subscription token the socket was opened with. */
  readonly token: string | null;
}

type Raw = Record<string, SqlStorageValue>;

/**
 * The shard's persistent state in its SQLite storage: subscription keys, socket subscriptions,
 * connections and the version clock (tokens: `TokenStore`). Synchronous (DO SQLite is in-process), so
 * a caller can read, decide and write without another event interleaving.
 *
 * @example
 * const store = new SubscriptionStore(ctx.storage.sql);
 * store.addSub("conn", "1", key, null);
 */
export class SubscriptionStore {
  constructor(private readonly sql: SqlStorage) {
    applyStoreSchema(sql);
  }

  key(key: string): KeyRow | undefined {
    const row = this.one("SELECT * FROM rt_keys WHERE key = ?", key);
    return row === undefined ? undefined : keyRow(row);
  }

  /** Creates a key (dirty: it has never run) unless it exists. */
  ensureKey(row: Pick<KeyRow, "key" | "queryName" | "args" | "userId" | "caller">): void {
    this.sql.exec(
      "INSERT OR IGNORE INTO rt_keys (key, query_name, args, user_id, caller) VALUES (?, ?, ?, ?, ?)",
      row.key,
      row.queryName,
      row.args,
      row.userId,
      row.caller,
    );
  }

  /** Every key with its reads (for matching events). */
  keysWithReads(): { key: string; reads: string | null }[] {
    return this.sql
      .exec<{ key: string; reads: string | null }>("SELECT key, reads FROM rt_keys")
      .toArray()
      .map((r) => ({ key: r.key, reads: r.reads }));
  }

  dirtyKeys(): string[] {
    return this.sql
      .exec<{ key: string }>("SELECT key FROM rt_keys WHERE dirty = 1")
      .toArray()
      .map((r) => r.key);
  }

  /** Marks a key stale; keeps the newest bookmark (D1 bookmarks order lexicographically). */
  markDirty(key: string, bookmark: string | undefined): void {
    this.sql.exec(
      `UPDATE rt_keys SET dirty = 1,
         bookmark = CASE WHEN ?2 IS NOT NULL AND (bookmark IS NULL OR ?2 > bookmark) THEN ?2 ELSE bookmark END
       WHERE key = ?1`,
      key,
      bookmark ?? null,
    );
  }

  /** Records a finished run: new result (and version when it changed), reads, and whether it is still stale. */
  commitRun(
    key: string,
    run: { hash: string; data: string; reads: string; version: number; stillDirty: boolean },
  ): void {
    this.sql.exec(
      "UPDATE rt_keys SET hash = ?, data = ?, reads = ?, version = ?, dirty = ? WHERE key = ?",
      run.hash,
      run.data,
      run.reads,
      run.version,
      run.stillDirty ? 1 : 0,
      key,
    );
  }

  deleteKey(key: string): void {
    this.sql.exec("DELETE FROM rt_subs WHERE key = ?", key);
    this.sql.exec("DELETE FROM rt_keys WHERE key = ?", key);
  }

  /** Deletes a key nobody listens to any more; returns whether it did. */
  dropKeyIfUnused(key: string): boolean {
    if (this.one("SELECT 1 AS x FROM rt_subs WHERE key = ? LIMIT 1", key) !== undefined) return false;
    this.sql.exec("DELETE FROM rt_keys WHERE key = ?", key);
    return true;
  }

  addSub(connId: string, subId: string, key: string, knownHash: string | null): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO rt_subs (conn_id, sub_id, key, sent_hash, known_hash) VALUES (?, ?, ?, NULL, ?)",
      connId,
      subId,
      key,
      knownHash,
    );
  }

  sub(connId: string, subId: string): SubRow | undefined {
    const row = this.one("SELECT * FROM rt_subs WHERE conn_id = ? AND sub_id = ?", connId, subId);
    return row === undefined ? undefined : subRow(row);
  }

  subsOfKey(key: string): SubRow[] {
    return this.sql.exec<Raw>("SELECT * FROM rt_subs WHERE key = ?", key).toArray().map(subRow);
  }

  subsOfConnection(connId: string): SubRow[] {
    return this.sql.exec<Raw>("SELECT * FROM rt_subs WHERE conn_id = ?", connId).toArray().map(subRow);
  }

  countSubs(connId: string): number {
    return Number(this.one("SELECT count(*) AS n FROM rt_subs WHERE conn_id = ?", connId)?.n ?? 0);
  }

  setSent(connId: string, subId: string, hash: string): void {
    this.sql.exec(
      "UPDATE rt_subs SET sent_hash = ?, known_hash = NULL WHERE conn_id = ? AND sub_id = ?",
      hash,
      connId,
      subId,
    );
  }

  /** Records that every subscription of a key received `hash`. */
  setSentForKey(key: string, hash: string): void {
    this.sql.exec("UPDATE rt_subs SET sent_hash = ?, known_hash = NULL WHERE key = ?", hash, key);
  }

  /** Removes one subscription; returns its key (to drop when unused). */
  removeSub(connId: string, subId: string): string | undefined {
    const sub = this.sub(connId, subId);
    if (sub === undefined) return undefined;
    this.sql.exec("DELETE FROM rt_subs WHERE conn_id = ? AND sub_id = ?", connId, subId);
    return sub.key;
  }

  /** Forgets a socket: its subscriptions and its connection row; returns the keys it listened to. */
  removeConnection(connId: string): string[] {
    const keys = [...new Set(this.subsOfConnection(connId).map((s) => s.key))];
    this.sql.exec("DELETE FROM rt_subs WHERE conn_id = ?", connId);
    this.sql.exec("DELETE FROM rt_connections WHERE conn_id = ?", connId);
    return keys;
  }

  putConnection(row: ConnectionRow): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO rt_connections (conn_id, mode, user_id, session_id, caller, token) VALUES (?, ?, ?, ?, ?, ?)",
      row.connId,
      row.mode,
      row.userId,
      row.sessionId,
      row.caller,
      row.token,
    );
  }

  connection(connId: string): ConnectionRow | undefined {
    const row = this.one("SELECT * FROM rt_connections WHERE conn_id = ?", connId);
    return row === undefined ? undefined : connectionRow(row);
  }

  /** Connections of a user (only those of one session when `sessionId` is given). */
  connectionsOf(userId: string, sessionId?: string): ConnectionRow[] {
    const rows =
      sessionId === undefined
        ? this.sql.exec<Raw>("SELECT * FROM rt_connections WHERE user_id = ?", userId)
        : this.sql.exec<Raw>(
            "SELECT * FROM rt_connections WHERE user_id = ? AND session_id = ?",
            userId,
            sessionId,
          );
    return rows.toArray().map(connectionRow);
  }

  /** Connections opened with an endpoint-first token. */
  connectionsOfToken(token: string): ConnectionRow[] {
    return this.sql
      .exec<Raw>("SELECT * FROM rt_connections WHERE token = ?", token)
      .toArray()
      .map(connectionRow);
  }

  /**
   * The next push version: a hybrid clock, `max(last + 1, now in µs)`, stored, so versions grow across
   * evictions and stay above what a client got from a key that was dropped and created again.
   */
  nextVersion(): number {
    const last = Number(this.one("SELECT value FROM rt_meta WHERE name = 'clock'")?.value ?? 0);
    const next = Math.max(last + 1, Date.now() * 1000);
    this.sql.exec("INSERT OR REPLACE INTO rt_meta (name, value) VALUES ('clock', ?)", next);
    return next;
  }

  private one(query: string, ...bindings: unknown[]): Raw | undefined {
    return this.sql.exec<Raw>(query, ...bindings).toArray()[0];
  }
}

function keyRow(r: Raw): KeyRow {
  return {
    key: String(r.key),
    queryName: String(r.query_name),
    args: String(r.args),
    userId: nullableText(r.user_id),
    caller: nullableText(r.caller),
    version: Number(r.version),
    hash: nullableText(r.hash),
    data: nullableText(r.data),
    reads: nullableText(r.reads),
    dirty: Number(r.dirty) === 1,
    bookmark: nullableText(r.bookmark),
  };
}

function subRow(r: Raw): SubRow {
  return {
    connId: String(r.conn_id),
    subId: String(r.sub_id),
    key: String(r.key),
    sentHash: nullableText(r.sent_hash),
    knownHash: nullableText(r.known_hash),
  };
}

function connectionRow(r: Raw): ConnectionRow {
  return {
    connId: String(r.conn_id),
    mode: r.mode === "endpoint" ? "endpoint" : "multiplexed",
    userId: nullableText(r.user_id),
    sessionId: nullableText(r.session_id),
    caller: nullableText(r.caller),
    token: nullableText(r.token),
  };
}

function nullableText(value: SqlStorageValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}
