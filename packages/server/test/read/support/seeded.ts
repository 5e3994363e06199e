import { findMany } from "../../../src/db/read/findMany";
import { insertDataset } from "./fixtureData";
import { applyFixtureMigrations } from "./migrate";
import { fixtureRuntime } from "./runtime";
import { SEED } from "./seed";

/**
 * Migrates FIXTURE_DB and inserts the SEED dataset; call it from a test file's `beforeAll`
 * (support modules must not call vitest hooks themselves: the workers pool then loses the runner).
 */
export async function seedFixture(): Promise<void> {
  await applyFixtureMigrations();
  await insertDataset(SEED);
}

/** Ids of the `items` rows `findMany` returns for `where` (in primary-key order). */
export async function itemIds(where: unknown): Promise<number[]> {
  const { runtime } = fixtureRuntime();
  const rows = await findMany(runtime, "items", { where, columns: { id: true } });
  return rows.map((row) => row.id as number);
}
