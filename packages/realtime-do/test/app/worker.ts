import { type AppflareConfig, createWorker } from "@appflare/server";
import { realtime } from "../../src/index";
import { modules } from "./modules";
import schema from "./schema";

function makeApp(config: AppflareConfig) {
  return createWorker({
    schema,
    config,
    modules,
    plugins: [realtime({ maxMessagesPerSecond: 20, maxFrameBytes: 4096, maxSubscriptionsPerSocket: 8 })],
  });
}

/**
 * The tests' main Worker, as the generated `<outDir>/worker.ts` is for an app: the realtime plugin,
 * its Durable Object class exported under the configured name. The vitest pool runs it in workerd.
 */
export const app = makeApp({ name: "realtime-test", realtime: { shards: 2 } });

/** A second app on the same D1 whose shard merges bursts of events (`coalesceMs`). */
export const coalescedApp = makeApp({
  name: "realtime-coalesced",
  realtime: { binding: "COALESCED_REALTIME", className: "CoalescedRealtime", coalesceMs: 150 },
});

export default app.worker;
export const AppflareRealtime = app.exports.AppflareRealtime;
export const CoalescedRealtime = coalescedApp.exports.CoalescedRealtime;
