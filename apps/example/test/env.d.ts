import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      APPFLARE_QUEUE?: Queue;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
