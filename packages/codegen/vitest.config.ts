import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/fixtures/**", "test/.tmp/**", "test/e2e/**", "**/node_modules/**"],
    globalSetup: ["test/support/globalSetup.ts"],
    // generous: `appflare build` type-checks a whole app, and CI runs every package's suite on 2 cores at once
    testTimeout: 240_000,
    hookTimeout: 300_000,
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
