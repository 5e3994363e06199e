import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      APPFLARE_QUEUE?: Queue;
      STORAGE: R2Bucket;
      APPFLARE_REALTIME: DurableObjectNamespace;
      TEST_MIGRATIONS: D1Migration[];
      BETTER_AUTH_SECRET: string;
      BETTER_AUTH_URL: string;
    }
  }
}
