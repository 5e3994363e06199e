import { defineConfig } from "vitest/config";

// The packed-tarball end-to-end test: slow (pnpm pack, npm install, wrangler dev) and it needs every
// package built, so it runs on its own (`pnpm --filter @appflare/codegen test:e2e`), not in `test`.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    globalSetup: ["test/e2e/support/packTarballs.ts"],
  },
});
