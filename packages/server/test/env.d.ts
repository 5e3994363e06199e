import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      /** D1 migrated from test/boardSchema.ts. */
      DB: D1Database;
      /** D1 migrated from test/fixtureSchema.ts (operator coverage). */
      FIXTURE_DB: D1Database;
      /** R2 bucket for storage tests. */
      STORAGE: R2Bucket;
      /** Scheduler queue producer (queue `appflare-scheduler`). */
      APPFLARE_QUEUE: Queue;
      /** Scheduler dead-letter producer (queue `appflare-scheduler-dlq`). */
      APPFLARE_QUEUE_DLQ: Queue;
      EXAMPLE_MIGRATIONS: D1Migration[];
      FIXTURE_MIGRATIONS: D1Migration[];
      /** test/boardSchema.ts plus the auth test app's `user.additionalFields` (test/auth/app/authOptions.ts). */
      AUTH_MIGRATIONS: D1Migration[];
    }
  }
}
