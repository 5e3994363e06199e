import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { getSchemaModel } from "@appflare/schema";
import { defineConfig } from "vitest/config";
import schema from "./schema";
import { generateMigrations } from "./test/generateMigrations";

export default defineConfig({
  plugins: [
    cloudflareTest(async () => {
      const tables = Object.values(getSchemaModel(schema).tables).map((t) => t.name);
      const migrations = await readD1Migrations(generateMigrations(tables));
      return {
        miniflare: {
          compatibilityDate: "2026-04-01",
          compatibilityFlags: ["nodejs_compat"],
          d1Databases: ["DB"],
          bindings: { TEST_MIGRATIONS: migrations },
        },
      };
    }),
  ],
  test: {
    include: ["test/**/*.test.ts"],
  },
});
