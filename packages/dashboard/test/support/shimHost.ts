// TEMPORARY: stands in for @appflare/server's plugin seam until it is merged; deleted afterwards.
import {
  type AppflareConfig,
  type AppflareWorker,
  createWorker,
  defineHandlers,
  type HandlerModules,
} from "@appflare/server";
import * as z from "zod";
import type { AppflarePlugin, PluginHost, SystemContext } from "../../src/seam";
import type schema from "../app/schema";

const pending = new Map<string, (ctx: SystemContext) => Promise<unknown>>();
const { query } = defineHandlers<typeof schema>();
const system = query({
  args: { id: z.string() },
  handler: async (ctx, args) => {
    const fn = pending.get(args.id);
    pending.delete(args.id);
    if (!fn) throw new Error("no pending system call");
    return { value: await fn(ctx as unknown as SystemContext) };
  },
});

export function shimWorker(options: {
  schema: typeof schema;
  config: AppflareConfig;
  modules: HandlerModules;
  plugins: AppflarePlugin[];
}): AppflareWorker<Cloudflare.Env> {
  const app = createWorker<Cloudflare.Env>({
    ...options,
    modules: { ...options.modules, "__system.ts": { system } },
  });
  const host: PluginHost<Cloudflare.Env> = {
    app: app.app,
    config: app.config,
    schema: options.schema,
    handlers: app.handlers.filter((h) => h.name !== "__system/system"),
    auth: app.auth,
    resolveSession: async (request, env) => (await app.auth?.resolveSession(request, env)) ?? null,
    resolveToken: async () => null,
    runQuery: (name, args, o) => app.runQuery(name, args, o),
    runHandler: async (kind, name, args, o) => {
      if (kind === "query") return app.runQuery(name, args, o);
      throw new Error("shim: mutations need the real seam");
    },
    withContext: async (o, fn) => {
      const id = crypto.randomUUID();
      pending.set(id, fn as (ctx: SystemContext) => Promise<unknown>);
      const result = await app.runQuery("__system/system", { id }, { env: o.env, user: o.user ?? null });
      return (result.data as { value: never }).value;
    },
    storageBucket: (env) => (env as unknown as { STORAGE: R2Bucket }).STORAGE,
  };
  for (const plugin of options.plugins) plugin.setup(host);
  return app;
}
