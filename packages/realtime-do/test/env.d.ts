import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      /** D1 migrated from test/app/schema.ts. */
      DB: D1Database;
      /** The realtime shards (class `AppflareRealtime` of test/app/worker.ts). */
      APPFLARE_REALTIME: DurableObjectNamespace;
      /** The coalescing app's shard (class `CoalescedRealtime`, `coalesceMs: 150`). */
      COALESCED_REALTIME: DurableObjectNamespace;
      /** `RecordingRealtime`: records the bookmark of each re-run (tests publish to it directly). */
      RECORDING_REALTIME: DurableObjectNamespace;
      TEST_MIGRATIONS: D1Migration[];
      BETTER_AUTH_SECRET: string;
      BETTER_AUTH_URL: string;
    }
  }
}
