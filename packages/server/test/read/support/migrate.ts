import { applyD1Migrations, env } from "cloudflare:test";

/** Applies the fixture schema's migrations to FIXTURE_DB (storage is isolated per test file). */
export async function applyFixtureMigrations(): Promise<void> {
  await applyD1Migrations(env.FIXTURE_DB, env.FIXTURE_MIGRATIONS);
}
