import { join } from "node:path";
import { getSchemaModel } from "@appflare/schema";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { generateMigrations } from "../../tests/support/generateMigrations";
import schema from "./test/app/schema";

const here = import.meta.dirname;

// drizzle-kit over the test schema, in a folder of this process (parallel runs never share files).
const migrations = readD1Migrations(
  generateMigrations(
    join(here, "test/app/schema.ts"),
    Object.keys(getSchemaModel(schema).tables),
    join(here, ".test-migrations", `app-${process.pid}`),
  ),
);

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      // The realtime Durable Object must live in the main Worker for the pool to run and evict it.
      main: "./test/app/worker.ts",
      miniflare: {
        compatibilityDate: "2026-04-01",
        compatibilityFlags: ["nodejs_compat"],
        d1Databases: ["DB"],
        durableObjects: {
          APPFLARE_REALTIME: { className: "AppflareRealtime", useSQLite: true },
          COALESCED_REALTIME: { className: "CoalescedRealtime", useSQLite: true },
          RECORDING_REALTIME: { className: "RecordingRealtime", useSQLite: true },
        },
        bindings: {
          TEST_MIGRATIONS: await migrations,
          BETTER_AUTH_SECRET: "appflare-realtime-test-secret-0123456789",
          BETTER_AUTH_URL: "http://appflare.test",
        },
      },
    })),
  ],
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The wrangler dev smoke test runs in Node (test:e2e), not in workerd.
    exclude: ["test/smoke/**"],
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
