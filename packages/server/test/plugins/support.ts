import { pbkdf2Password } from "../../src/auth/pbkdf2Password";
import type { SessionsRevoked } from "../../src/auth/SessionsRevoked";
import type { AppflareConfig } from "../../src/config/AppflareConfig";
import type { MutationEvent } from "../../src/db/MutationEvent";
import { createWorker } from "../../src/http/createWorker";
import type { AppflarePlugin, PluginHooks } from "../../src/http/plugins/AppflarePlugin";
import type { PluginHost } from "../../src/http/plugins/PluginHost";
import type { MutationEventsInfo } from "../../src/http/WorkerHooks";
import { authOptions } from "../auth/app/authOptions";
import schema from "../boardSchema";
import { modules } from "./app/modules";

/** What a {@link recorder} plugin saw. */
export interface Recording {
  host?: PluginHost<Cloudflare.Env>;
  readonly events: { events: readonly MutationEvent[]; info: MutationEventsInfo<Cloudflare.Env> }[];
  readonly revoked: SessionsRevoked[];
}

/**
 * A plugin that keeps its host and records every event and revocation it receives; `extra` runs in
 * its `setup` (to mount routes) and may add hooks.
 */
export function recorder(
  name = "recorder",
  extra?: (host: PluginHost<Cloudflare.Env>) => PluginHooks<Cloudflare.Env> | undefined,
): { plugin: AppflarePlugin; recording: Recording } {
  const recording: Recording = { events: [], revoked: [] };
  const plugin: AppflarePlugin = {
    name,
    setup(host) {
      recording.host = host;
      const more = extra?.(host) ?? {};
      return {
        ...more,
        onMutationEvents: (events, info) => {
          recording.events.push({ events, info });
        },
        onSessionsRevoked: (change) => {
          recording.revoked.push(change);
        },
      };
    },
  };
  return { plugin, recording };
}

/** The plugin tests' app config: auth with cheap password hashing, and storage. */
export const pluginConfig: AppflareConfig = {
  storage: {},
  auth: {
    options: {
      ...authOptions,
      emailAndPassword: { enabled: true, password: pbkdf2Password({ iterations: 1_000 }) },
    },
  },
};

/** A worker over the plugin tests' modules with these plugins (and app hooks). */
export function makePluginWorker(
  plugins: readonly AppflarePlugin[],
  options: { config?: AppflareConfig; hooks?: Parameters<typeof createWorker>[0]["hooks"] } = {},
) {
  return createWorker<Cloudflare.Env>({
    schema,
    config: options.config ?? pluginConfig,
    modules,
    plugins,
    hooks: options.hooks,
  });
}
