import type { SessionsRevoked, SessionsRevokedInfo } from "../../auth/SessionsRevoked";
import type { MutationEvent } from "../../db/MutationEvent";
import type { MutationEventsInfo } from "../WorkerHooks";
import type { AppflarePlugin, PluginHooks } from "./AppflarePlugin";
import type { PluginHost } from "./PluginHost";

/** The plugins of one worker after `setup`: their hooks by plugin name and their merged exports. */
export interface SetUpPlugins<Env> {
  readonly hooks: ReadonlyArray<{ readonly name: string; readonly hooks: PluginHooks<Env> }>;
  readonly exports: Readonly<Record<string, unknown>>;
}

/**
 * Runs every plugin's `setup(host)` in order and merges what they return. Two plugins with one name,
 * or two exports with one name, fail here (at `createWorker`), naming both plugins.
 *
 * @example
 * const plugins = setupPlugins([realtime(), dashboard()], host);
 */
export function setupPlugins<Env extends object>(
  plugins: readonly AppflarePlugin<Env>[],
  host: PluginHost<Env>,
): SetUpPlugins<Env> {
  const seen = new Set<string>();
  const hooks: { name: string; hooks: PluginHooks<Env> }[] = [];
  const exports: Record<string, unknown> = {};
  const exportedBy = new Map<string, string>();
  for (const plugin of plugins) {
    const name = plugin?.name;
    if (typeof name !== "string" || name === "" || typeof plugin.setup !== "function") {
      throw new TypeError(
        "createWorker: every plugin needs a non-empty string `name` and a `setup(host)` function",
      );
    }
    if (seen.has(name)) {
      throw new Error(`createWorker: two plugins are named "${name}"; plugin names must be unique`);
    }
    seen.add(name);
    const returned = plugin.setup(host) ?? {};
    hooks.push({ name, hooks: returned });
    for (const [key, value] of Object.entries(returned.exports ?? {})) {
      const owner = exportedBy.get(key);
      if (owner !== undefined) {
        throw new Error(
          `createWorker: plugins "${owner}" and "${name}" both export "${key}"; a worker export name must be unique`,
        );
      }
      exportedBy.set(key, name);
      exports[key] = value;
    }
  }
  return { hooks, exports: Object.freeze(exports) };
}

/**
 * Hands committed events to the app's hook and every plugin's, each isolated: one that throws is
 * logged with its name and does not keep the others from running.
 */
export async function dispatchMutationEvents<Env>(
  receivers: SetUpPlugins<Env>["hooks"],
  events: readonly MutationEvent[],
  info: MutationEventsInfo<Env>,
): Promise<void> {
  await Promise.all(
    receivers.map(async ({ name, hooks }) => {
      if (!hooks.onMutationEvents) return;
      try {
        await hooks.onMutationEvents(events, info);
      } catch (error) {
        console.error(
          `[appflare] ${receiverLabel(name)} failed on ${events.length} mutation event(s) of "${info.name}":`,
          error,
        );
      }
    }),
  );
}

/** Whether any plugin listens for session revocations (the auth routes skip the extra work otherwise). */
export function wantsRevocations<Env>(receivers: SetUpPlugins<Env>["hooks"]): boolean {
  return receivers.some(({ hooks }) => hooks.onSessionsRevoked !== undefined);
}

/** Hands one revocation to every plugin listening, each isolated like events. */
export async function dispatchSessionsRevoked<Env>(
  receivers: SetUpPlugins<Env>["hooks"],
  change: SessionsRevoked,
  info: SessionsRevokedInfo<Env>,
): Promise<void> {
  await Promise.all(
    receivers.map(async ({ name, hooks }) => {
      if (!hooks.onSessionsRevoked) return;
      try {
        await hooks.onSessionsRevoked(change, info);
      } catch (error) {
        console.error(
          `[appflare] ${receiverLabel(name)} failed on a session revocation (${change.reason}):`,
          error,
        );
      }
    }),
  );
}

/** The app's own `hooks` are listed among the receivers under this name. */
export const APP_HOOKS_RECEIVER = "hooks";

const receiverLabel = (name: string) =>
  name === APP_HOOKS_RECEIVER ? "hooks.onMutationEvents" : `plugin "${name}"`;
