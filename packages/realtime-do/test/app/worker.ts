import { getSchemaModel } from "@appflare/schema";
import { type AppflareConfig, createWorker } from "@appflare/server";
import { createRealtimeObject, type RealtimePluginOptions, realtime } from "../../src/index";
import { modules } from "./modules";
import { recorded, recordingPlugin } from "./recorded";
import schema from "./schema";
import { COALESCED_TOKEN_TTL_MS } from "./tokenTtl";

function makeApp(config: AppflareConfig, options: RealtimePluginOptions = {}) {
  return createWorker({
    schema,
    config,
    modules,
    plugins: [
      realtime({ maxMessagesPerSecond: 20, maxFrameBytes: 4096, maxSubscriptionsPerSocket: 8, ...options }),
      recordingPlugin(),
    ],
  });
}

/**
 * The tests' main Worker, as the generated `<outDir>/worker.ts` is for an app: the realtime plugin,
 * its Durable Object class exported under the configured name. The vitest pool runs it in workerd.
 */
export const app = makeApp({ name: "realtime-test", realtime: { shards: 2 } });

/**
 * A second app on the same D1 whose shard merges bursts of events (`coalesceMs`) and whose
 * endpoint-first tokens expire after `COALESCED_TOKEN_TTL_MS` unused.
 */
export const coalescedApp = makeApp(
  {
    name: "realtime-coalesced",
    realtime: { binding: "COALESCED_REALTIME", className: "CoalescedRealtime", coalesceMs: 150 },
  },
  { tokenTtlMs: COALESCED_TOKEN_TTL_MS },
);

/**
 * A realtime object driven by the tests directly (no routes): its executor records the bookmark each
 * re-run gets and runs the query through `app.runQuery` with it.
 */
export const RecordingRealtime = createRealtimeObject<Cloudflare.Env>({
  model: getSchemaModel(schema),
  runQuery: (name, args, run) => {
    recorded.reruns.push(run.bookmark);
    return app.runQuery(name, args, {
      env: run.env,
      ...(run.bookmark === undefined ? {} : { bookmark: run.bookmark }),
    });
  },
  resolveToken: async () => null,
});

export default app.worker;
export const AppflareRealtime = app.exports.AppflareRealtime;
export const CoalescedRealtime = coalescedApp.exports.CoalescedRealtime;
