import { type AppflareConfig, createWorker } from "@appflare/server";
import { realtime } from "../../src/index";
import { modules } from "./modules";
import schema from "./schema";

// INTERIM until the plugin seam is merged: a host built from createWorker's existing surface.
function makeApp(config: AppflareConfig) {
  type Hooks = { onMutationEvents?: (e: never, i: never) => unknown; exports?: Record<string, unknown> };
  let hooks: Hooks | undefined;
  const base = createWorker({
    schema,
    config,
    modules,
    hooks: {
      onMutationEvents: (events, info) => hooks?.onMutationEvents?.(events as never, info as never) as never,
    },
  });
  const auth = base.auth!;
  const plugin = realtime({ maxMessagesPerSecond: 20, maxFrameBytes: 4096, maxSubscriptionsPerSocket: 8 });
  hooks = plugin.setup({
    app: base.app,
    config: base.config,
    schema,
    handlers: base.handlers,
    auth,
    resolveSession: async (r: Request, e: Cloudflare.Env) => (await auth.resolveSession(r, e)) ?? null,
    resolveToken: async (token: string, e: Cloudflare.Env) =>
      (await auth.resolveSession(
        new Request("https://x/", { headers: { authorization: `Bearer ${token}` } }),
        e,
      )) ?? null,
    runQuery: base.runQuery,
  } as never) as Hooks;
  return { ...base, exports: hooks.exports ?? {} };
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
