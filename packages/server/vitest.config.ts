import { join } from "node:path";
import { getSchemaModel, type SchemaModel } from "@appflare/schema";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import exampleSchema from "../../apps/example/schema";
import { generateMigrations } from "../../tests/support/generateMigrations";
import fixtureSchema from "./test/fixtureSchema";

const here = import.meta.dirname;

/** Runs drizzle-kit over a compiled schema module and reads the migrations for a D1 binding. */
function migrationsFor(schemaPath: string, model: SchemaModel, workDir: string) {
  return readD1Migrations(generateMigrations(schemaPath, Object.keys(model.tables), workDir));
}

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      miniflare: {
        compatibilityDate: "2026-04-01",
        compatibilityFlags: ["nodejs_compat"],
        d1Databases: ["DB", "FIXTURE_DB"],
        r2Buckets: ["STORAGE"],
        bindings: {
          // env.DB: migrated from the example app's schema; env.FIXTURE_DB: operator-coverage schema.
          EXAMPLE_MIGRATIONS: await migrationsFor(
            join(here, "../../apps/example/schema.ts"),
            getSchemaModel(exampleSchema),
            join(here, ".test-migrations/example"),
          ),
          FIXTURE_MIGRATIONS: await migrationsFor(
            join(here, "test/fixtureSchema.ts"),
            getSchemaModel(fixtureSchema),
            join(here, ".test-migrations/fixture"),
          ),
        },
      },
    })),
  ],
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
