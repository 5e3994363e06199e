/** The user "u1" that owns every seeded project. */
export function insertBenchUser(db: D1Database): D1PreparedStatement {
  return db.prepare(
    `INSERT INTO "users" ("id", "name", "email", "email_verified", "created_at", "updated_at") VALUES ('u1', 'Bench', 'bench@example.com', 0, 0, 0)`,
  );
}
