import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    // The same `wrangler dev` of the client package's fixture app the client tests use.
    globalSetup: ["../client/test/support/globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts", "test/**/*.test-d.tsx"],
      tsconfig: "./tsconfig.json",
    },
  },
});
