import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // One TypeScript program over every docs sample and the packages' sources.
    testTimeout: 300_000,
  },
});
