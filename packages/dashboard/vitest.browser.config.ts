import { defineConfig } from "vitest/config";

/** The browser test: Node drives Debian Chromium (playwright-core) against `wrangler dev` of the fixture app. */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.e2e.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
