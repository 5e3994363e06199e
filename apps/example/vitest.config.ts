import { join } from "node:path";
import { getSchemaModel } from "@appflare/schema";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { generateMigrations } from "../../tests/support/generateMigrations";
import schema from "./schema";

export default defineConfig({
  plugins: [
    cloudflareTest(async () => {
      const tables = Object.keys(getSchemaModel(schema).tables);
      const dir = generateMigrations(
        join(import.meta.dirname, "schema.ts"),
        tables,
        join(import.meta.dirname, ".test-migrations"),
      );
      return {
        // The realtime Durable Object lives in the generated Worker, so mutations publish to a real one.
        main: "./_generated/worker.ts",
        miniflare: {
          compatibilityDate: "2026-04-01",
          compatibilityFlags: ["nodejs_compat"],
          d1Databases: ["DB"],
          r2Buckets: ["STORAGE"],
          durableObjects: { APPFLARE_REALTIME: { className: "AppflareRealtime", useSQLite: true } },
          // A real producer: the example's mutations enqueue scheduler tasks (the tests run the consumer).
          queueProducers: { APPFLARE_QUEUE: "appflare-example-scheduler" },
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations(dir),
            BETTER_AUTH_SECRET: "appflare-example-test-secret-0123456789",
            BETTER_AUTH_URL: "http://example.test",
          },
        },
      };
    }),
  ],
  test: { include: ["test/**/*.test.ts"] },
});
