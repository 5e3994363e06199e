import { join } from "node:path";
import { getSchemaModel, plainUserFields, type SchemaModel } from "@appflare/schema";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { generateMigrations } from "../../tests/support/generateMigrations";
import { authOptions } from "./test/auth/app/authOptions";
import exampleSchema from "./test/boardSchema";
import fixtureSchema from "./test/fixtureSchema";

const here = import.meta.dirname;

/**
 * Runs drizzle-kit over a compiled schema module and reads the migrations for a D1 binding. Runs once per
 * config load (the pool calls its options callback per worker) in a folder of this process, so parallel
 * runs never delete each other's files.
 */
function migrationsFor(
  schemaPath: string,
  model: SchemaModel,
  name: string,
  userFields: Readonly<Record<string, unknown>> = {},
) {
  const workDir = join(here, ".test-migrations", `${name}-${process.pid}`);
  return readD1Migrations(generateMigrations(schemaPath, Object.keys(model.tables), workDir, userFields));
}

const exampleSchemaPath = join(here, "test/boardSchema.ts");
const migrations = Promise.all([
  migrationsFor(exampleSchemaPath, getSchemaModel(exampleSchema), "example"),
  migrationsFor(join(here, "test/fixtureSchema.ts"), getSchemaModel(fixtureSchema), "fixture"),
  // The auth tests' app: the example schema plus its `user.additionalFields`, as codegen would migrate it.
  migrationsFor(
    exampleSchemaPath,
    getSchemaModel(exampleSchema),
    "auth",
    plainUserFields(authOptions.user.additionalFields),
  ),
]);

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      miniflare: {
        compatibilityDate: "2026-04-01",
        compatibilityFlags: ["nodejs_compat"],
        d1Databases: ["DB", "FIXTURE_DB"],
        r2Buckets: ["STORAGE"],
        // Scheduler tests: producer and dead-letter producer (no consumer: tests dispatch batches themselves).
        queueProducers: {
          APPFLARE_QUEUE: "appflare-scheduler",
          APPFLARE_QUEUE_DLQ: "appflare-scheduler-dlq",
        },
        bindings: {
          // env.DB: migrated from the example app's schema; env.FIXTURE_DB: operator-coverage schema.
          EXAMPLE_MIGRATIONS: (await migrations)[0],
          FIXTURE_MIGRATIONS: (await migrations)[1],
          // env.DB in the auth tests: the example schema with the auth test app's additional user fields.
          AUTH_MIGRATIONS: (await migrations)[2],
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
