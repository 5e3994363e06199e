/** What `ctx.db` needs of a D1 connection: a binding or a Sessions API session. */
export type D1Queryable = Pick<D1Database, "prepare" | "batch">;

/** The D1 connection of one call, and the newest bookmark its statements reached. */
export interface D1Session {
  readonly db: D1Queryable;
  /** The D1 Sessions API bookmark after the statements run so far (`undefined` without sessions). */
  bookmark(): string | undefined;
}

/**
 * Opens the D1 Sessions API session one call's `ctx.db` runs on, for read-your-writes under read
 * replication: it starts at `bookmark` when given (a realtime re-run reads at least what the write that
 * triggered it committed), else at the primary; its bookmark afterwards is what the call's committed
 * writes reached. A binding without `withSession` (an older runtime, a test double) is used as is.
 *
 * @example
 * const session = openD1Session(env.DB, event.bookmark);
 * await session.db.prepare("SELECT 1").all();
 * session.bookmark(); // "0000000a-00000002-…"
 */
export function openD1Session(db: D1Database, bookmark?: string): D1Session {
  if (typeof db.withSession !== "function") return { db, bookmark: () => undefined };
  const session = db.withSession(bookmark ?? "first-primary");
  return { db: session, bookmark: () => session.getBookmark() ?? undefined };
}
