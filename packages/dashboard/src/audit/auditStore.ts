import type { AuditAction, AuditEntry, NewAuditEntry } from "./AuditEntry";

/**
 * The audit log lives in the app's own D1 database, in a table the dashboard owns and creates on first
 * use (`CREATE TABLE IF NOT EXISTS`). It is not part of the app's schema, so drizzle-kit never
 * generates, alters or drops it, and `ctx.db` (and so realtime) never sees it.
 */
const CREATE = `CREATE TABLE IF NOT EXISTS appflare_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  actor_email TEXT,
  action TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_key TEXT NOT NULL,
  before TEXT,
  after TEXT,
  undone_by INTEGER,
  undo_of INTEGER
)`;
const INDEX = "CREATE INDEX IF NOT EXISTS appflare_audit_table_row ON appflare_audit (table_name, row_key)";

const ready = new WeakSet<D1Database>();

async function ensureTable(db: D1Database): Promise<void> {
  if (ready.has(db)) return;
  await db.batch([db.prepare(CREATE), db.prepare(INDEX)]);
  ready.add(db);
}

interface AuditRecord {
  id: number;
  at: number;
  actor_id: string;
  actor_email: string | null;
  action: string;
  table_name: string;
  row_key: string;
  before: string | null;
  after: string | null;
  undone_by: number | null;
  undo_of: number | null;
}

const fromRecord = (r: AuditRecord): AuditEntry => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actorEmail: r.actor_email,
  action: r.action as AuditAction,
  table: r.table_name,
  rowKey: r.row_key,
  before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
  after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
  undoneBy: r.undone_by,
  undoOf: r.undo_of,
});

function insertStatement(db: D1Database, entry: NewAuditEntry): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO appflare_audit (at, actor_id, actor_email, action, table_name, row_key, before, after, undo_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(
      Date.now(),
      entry.actorId,
      entry.actorEmail,
      entry.action,
      entry.table,
      entry.rowKey,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      entry.undoOf,
    );
}

/**
 * Reads and writes the dashboard's audit log in D1.
 *
 * @example
 * const log = auditStore(env.DB);
 * await log.record({ actorId, actorEmail, action: "update", table: "tasks", rowKey: "7", before, after, undoOf: null });
 */
export function auditStore(db: D1Database) {
  return {
    /** Appends an entry; when it undoes another, marks that one as undone in the same batch. */
    async record(entry: NewAuditEntry): Promise<number> {
      await ensureTable(db);
      const insert = insertStatement(db, entry);
      if (entry.undoOf === null) {
        const row = await insert.first<{ id: number }>();
        return row?.id ?? 0;
      }
      const [inserted] = await db.batch<{ id: number }>([
        insert,
        db
          .prepare("UPDATE appflare_audit SET undone_by = (SELECT max(id) FROM appflare_audit) WHERE id = ?")
          .bind(entry.undoOf),
      ]);
      return inserted?.results[0]?.id ?? 0;
    },
    /**
     * Appends several entries in one D1 batch (an import: one entry per row). Entries that undo
     * others are recorded with {@link record}, which also marks the undone entry.
     */
    async recordMany(entries: readonly NewAuditEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await ensureTable(db);
      await db.batch(entries.map((entry) => insertStatement(db, entry)));
    },
    /** Newest first; `table` narrows to one table, `before` pages (entries with a smaller id). */
    async list(options: { table?: string; before?: number; limit?: number } = {}): Promise<AuditEntry[]> {
      await ensureTable(db);
      const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
      const where: string[] = [];
      const binds: unknown[] = [];
      if (options.table) {
        where.push("table_name = ?");
        binds.push(options.table);
      }
      if (options.before !== undefined) {
        where.push("id < ?");
        binds.push(options.before);
      }
      const sql = `SELECT * FROM appflare_audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ${limit}`;
      const { results } = await db
        .prepare(sql)
        .bind(...binds)
        .all<AuditRecord>();
      return results.map(fromRecord);
    },
    async get(id: number): Promise<AuditEntry | null> {
      await ensureTable(db);
      const row = await db.prepare("SELECT * FROM appflare_audit WHERE id = ?").bind(id).first<AuditRecord>();
      return row ? fromRecord(row) : null;
    },
  };
}

export type AuditStore = ReturnType<typeof auditStore>;
