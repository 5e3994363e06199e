/** Runs the DDL statements a Worker's `/setup` route receives (from applyDdl.mjs), one by one. */
export async function createTables(db: D1Database, ddl: string[]): Promise<void> {
  for (const statement of ddl) await db.prepare(statement).run();
}
