import { existsSync } from "node:fs";
import { join } from "node:path";
import { getSchemaModel, type Schema } from "@appflare/schema";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { generateMigrations } from "../../tests/support/generateMigrations";

/** Compiles a schema module, runs drizzle-kit over it and reads the migrations for a D1 binding. */
async function migrationsFor(schemaPath: string, workDir: string) {
  const mod: { default: Schema } = await import(schemaPath);
  const tables = Object.keys(getSchemaModel(mod.default).tables);
  return readD1Migrations(generateMigrations(schemaPath, tables, workDir));
}

export default defineConfig({
  plugins: [
    cloudflareTest(async () => {
      const example = join(import.meta.dirname, "../../apps/example/schema.ts");
      const fixture = join(import.meta.dirname, "test/fixtureSchema.ts");
      const bindings: Record<string, unknown> = {
        EXAMPLE_MIGRATIONS: await migrationsFor(
          example,
          join(import.meta.dirname, ".test-migrations/example"),
        ),
      };
      const d1Databases = ["DB"];
      if (existsSync(fixture)) {
        bindings.FIXTURE_MIGRATIONS = await migrationsFor(
          fixture,
          join(import.meta.dirname, ".test-migrations/fixture"),
        );
        d1Databases.push("FIXTURE_DB");
      }
      return {
        miniflare: {
          compatibilityDate: "2026-04-01",
          compatibilityFlags: ["nodejs_compat"],
          d1Databases,
          r2Buckets: ["STORAGE"],
          bindings,
        },
      };
    }),
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
