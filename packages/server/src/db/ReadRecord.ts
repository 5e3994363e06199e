/**
 * What one `ctx.db` read touched, recorded for the realtime layer (src/db/read/README.md, "What a read records").
 * `where` is the normalized where (`normalizeWhere` from @appflare/schema), or `null` for "any row of the
 * table" (relation EXISTS filters, unkeyed loads). `{ unknown: true }` means a raw `ctx.$db` access: every
 * mutation re-runs the query.
 */
export type ReadRecord =
  | { readonly table: string; readonly where: unknown | null }
  | { readonly unknown: true };

/** The read set of one query execution. */
export interface ReadSet {
  readonly reads: readonly ReadRecord[];
  /** Whether the handler read `ctx.user` / `ctx.session` (result depends on who asks). */
  readonly usesUser: boolean;
}
