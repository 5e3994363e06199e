import { defineConfig } from "vitest/config";

/** The browser test: Node drives Debian Chromium (playwright-core) against the running example. */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
