import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      /** D1 migrated from test/app/schema.ts. */
      DB: D1Database;
      STORAGE: R2Bucket;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
