import { join } from "node:path";
import { getSchemaModel } from "@appflare/schema";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { generateMigrations } from "../../tests/support/generateMigrations";
import schema from "./test/app/schema";

const here = import.meta.dirname;
// drizzle-kit over the test app's schema, in a folder of this process (parallel runs never collide).
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
      miniflare: {
        compatibilityDate: "2026-04-01",
        compatibilityFlags: ["nodejs_compat"],
        d1Databases: ["DB"],
        r2Buckets: ["STORAGE"],
        bindings: { TEST_MIGRATIONS: await migrations },
      },
    })),
  ],
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    exclude: ["test/browser/**"],
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
