/** What a dashboard write did to one row. */
export type AuditAction = "insert" | "update" | "delete";

/** One row of the audit log (`appflare_audit`). Rows are stored as JSON with dates as ISO strings. */
export interface AuditEntry {
  readonly id: number;
  /** Epoch ms. */
  readonly at: number;
  readonly actorId: string;
  readonly actorEmail: string | null;
  readonly action: AuditAction;
  readonly table: string;
  /** The row's primary key, as text. */
  readonly rowKey: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  /** The entry that undid this one, if any. */
  readonly undoneBy: number | null;
  /** The entry this one undid, if it is an undo. */
  readonly undoOf: number | null;
}

/** An entry about to be recorded. */
export type NewAuditEntry = Omit<AuditEntry, "id" | "at" | "undoneBy">;
