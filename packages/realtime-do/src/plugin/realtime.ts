import { getSchemaModel } from "@appflare/schema";
import type { AppflarePlugin, MutationEvent } from "@appflare/server";
import { createRealtimeObject } from "../object/createRealtimeObject";
import type { RealtimeEvent, RealtimeExecutor } from "../RealtimeExecutor";
import { mountRealtimeRoutes } from "./mountRealtimeRoutes";
import type { RealtimePluginOptions } from "./RealtimePluginOptions";
import { reviveCaller } from "./reviveCaller";
import { allShards } from "./shardStubs";

/**
 * The realtime plugin of `createWorker({ plugins: [realtime()] })`: mounts the subscribe, unsubscribe
 * and socket routes, forwards committed mutation events to every shard after commit, closes the
 * sockets of ended sessions, and exports the Durable Object class under `config.realtime.className`.
 * Settings come from `config.realtime`; with `enabled: false` it adds nothing.
 *
 * @example
 * const app = createWorker({ schema, config, modules, plugins: [realtime()] });
 * export default app.worker;
 * export const AppflareRealtime = app.exports.AppflareRealtime;
 */
export function realtime<Env extends object = Cloudflare.Env>(
  options: RealtimePluginOptions = {},
): AppflarePlugin<Env> {
  return {
    name: "realtime",
    setup(host) {
      const config = host.config.realtime;
      if (!config.enabled) return undefined;
      const executor: RealtimeExecutor<Env> = {
        model: getSchemaModel(host.schema),
        runQuery: (name, args, run) => {
          const caller = run.caller === null ? null : reviveCaller(run.caller);
          return host.runQuery(name, args, {
            env: run.env,
            user: (caller?.user ?? null) as never,
            session: (caller?.session ?? null) as never,
            ...(run.bookmark === undefined ? {} : { bookmark: run.bookmark }),
          });
        },
        resolveToken: async (token, env) => {
          const caller = await host.resolveToken(token, env);
          return caller === null ? null : (caller as never);
        },
      };
      const RealtimeObject = createRealtimeObject(executor, {
        ...options,
        coalesceMs: config.coalesceMs,
        protocol: config.protocol,
      });
      const settings = { binding: config.binding, shards: config.shards };
      mountRealtimeRoutes(host, {
        ...settings,
        subscribePath: config.subscribePath,
        unsubscribePath: siblingPath(config.subscribePath, "unsubscribe"),
        websocketPath: config.websocketPath,
        protocol: config.protocol,
      });
      return {
        exports: { [config.className]: RealtimeObject },
        onMutationEvents: async (events, info) => {
          const slim = events.map(slimEvent);
          await Promise.all(allShards(info.env, settings).map((shard) => shard.publish(slim, info.bookmark)));
        },
        onSessionsRevoked: async (change, info) => {
          await Promise.all(allShards(info.env, settings).map((shard) => shard.revokeSessions(change)));
        },
      };
    },
  };
}

/** What a shard needs of an event (the mutation's args stay behind). */
function slimEvent(event: MutationEvent): RealtimeEvent {
  return { kind: event.kind, table: event.table, before: event.before, after: event.after };
}

/** `/realtime/subscribe` → `/realtime/unsubscribe`. */
function siblingPath(path: string, name: string): string {
  return `${path.slice(0, path.lastIndexOf("/"))}/${name}`;
}
