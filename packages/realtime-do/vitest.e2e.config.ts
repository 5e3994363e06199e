import { defineConfig } from "vitest/config";

// The `wrangler dev` smoke test: slow (starts workerd through wrangler), Node-side (a real WebSocket
// client from the `ws` package), so it runs on its own (`pnpm --filter @appflare/realtime-do test:e2e`).
export default defineConfig({
  test: {
    include: ["test/smoke/**/*.e2e.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
