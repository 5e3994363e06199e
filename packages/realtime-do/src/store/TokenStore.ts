/** An endpoint-first subscription token, as the Worker registers it. */
export interface TokenRow {
  readonly token: string;
  readonly userId: string;
  readonly sessionId: string | null;
  readonly queryName: string;
  readonly args: string;
  readonly signature: string;
}

/** A stored token: `expiresAt` (epoch ms) is `null` while a socket opened with it is connected. */
export interface StoredToken extends TokenRow {
  readonly expiresAt: number | null;
}

type Raw = Record<string, SqlStorageValue>;

/**
 * Endpoint-first tokens in the shard's SQLite storage (`rt_tokens`). A token can be used to connect
 * until `expiresAt`; a connected socket holds it (no expiry) and the last socket to close starts the
 * clock again, so a dropped client can reconnect within the TTL while an abandoned token is swept.
 *
 * @example
 * const tokens = new TokenStore(ctx.storage.sql);
 * tokens.put(row, Date.now() + 60_000);
 */
export class TokenStore {
  constructor(private readonly sql: SqlStorage) {}

  put(row: TokenRow, expiresAt: number): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO rt_tokens (token, user_id, session_id, query_name, args, signature, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      row.token,
      row.userId,
      row.sessionId,
      row.queryName,
      row.args,
      row.signature,
      Date.now(),
      expiresAt,
    );
  }

  /** The token; `undefined` when unknown or expired by `now` (an expired one the alarm missed is deleted here). */
  lookup(token: string, now: number): StoredToken | undefined {
    const row = this.sql.exec<Raw>("SELECT * FROM rt_tokens WHERE token = ?", token).toArray()[0];
    if (row === undefined) return undefined;
    const stored = tokenRow(row);
    if (stored.expiresAt === null || stored.expiresAt > now) return stored;
    this.delete(token);
    return undefined;
  }

  /** A socket connected with the token: it does not expire while one is open. */
  hold(token: string): void {
    this.sql.exec("UPDATE rt_tokens SET expires_at = NULL WHERE token = ?", token);
  }

  /** Starts the token's clock again when no connection opened with it remains. */
  release(token: string, expiresAt: number): void {
    this.sql.exec(
      `UPDATE rt_tokens SET expires_at = ?1
       WHERE token = ?2 AND NOT EXISTS (SELECT 1 FROM rt_connections WHERE token = ?2)`,
      expiresAt,
      token,
    );
  }

  delete(token: string): void {
    this.sql.exec("DELETE FROM rt_tokens WHERE token = ?", token);
  }

  /** Deletes a user's tokens (only one session's when `sessionId` is given). */
  deleteOf(userId: string, sessionId?: string): void {
    if (sessionId === undefined) this.sql.exec("DELETE FROM rt_tokens WHERE user_id = ?", userId);
    else this.sql.exec("DELETE FROM rt_tokens WHERE user_id = ? AND session_id = ?", userId, sessionId);
  }

  /** Deletes every token expired at `now`; returns the earliest expiry left (`null`: none). */
  sweep(now: number): number | null {
    this.sql.exec("DELETE FROM rt_tokens WHERE expires_at IS NOT NULL AND expires_at <= ?", now);
    const next = this.sql
      .exec<Raw>("SELECT min(expires_at) AS at FROM rt_tokens WHERE expires_at IS NOT NULL")
      .toArray()[0]?.at;
    return next === null || next === undefined ? null : Number(next);
  }
}

function tokenRow(r: Raw): StoredToken {
  return {
    token: String(r.token),
    userId: String(r.user_id),
    sessionId: r.session_id === null || r.session_id === undefined ? null : String(r.session_id),
    queryName: String(r.query_name),
    args: String(r.args),
    signature: String(r.signature),
    expiresAt: r.expires_at === null || r.expires_at === undefined ? null : Number(r.expires_at),
  };
}
