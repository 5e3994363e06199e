import { createWorker } from "@appflare/server";
import { realtime } from "../../src/index";
import { modules } from "./modules";
import schema from "./schema";

// INTERIM until the plugin seam is merged: a host built from createWorker's existing surface.
type Hooks = { onMutationEvents?: (e: never, i: never) => unknown; exports?: Record<string, unknown> };
let hooks: Hooks | undefined;
const base = createWorker({
  schema,
  config: { name: "realtime-test", realtime: { shards: 2 } },
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

export const app = { ...base, exports: hooks.exports ?? {} };
export default app.worker;
export const AppflareRealtime = app.exports.AppflareRealtime;
