import type { AnySchema } from "@appflare/schema";
import type { Hono } from "hono";
import type { AuthRuntime } from "../../auth/createAuthRuntime";
import type { ResolvedConfig } from "../../config/ResolvedConfig";
import type { CollectedHandler } from "../../handlers/collectHandlers";
import { storageBucket } from "../../storage/storageBucket";
import type { AppEnv } from "../AppEnv";
import type { Callers } from "../createCallers";
import type { HandlerEngine } from "../HandlerEngine";
import type { WorkerHooks } from "../WorkerHooks";
import type { PluginHost, SystemContext } from "./PluginHost";

/** The worker's layers a plugin host exposes. */
export interface PluginHostSetup<Env extends object> {
  readonly app: Hono<AppEnv<Env>>;
  readonly config: ResolvedConfig;
  readonly schema: AnySchema;
  readonly handlers: readonly CollectedHandler[];
  readonly auth: AuthRuntime<{}, Env> | undefined;
  readonly engine: HandlerEngine<Env>;
  readonly callers: Callers<Env>;
  readonly resolveSession: WorkerHooks<Env>["resolveSession"];
}

// Any host for a request that is not a real one: only the Authorization header is read.
const TOKEN_URL = "https://appflare.internal/realtime/token";

/**
 * The {@link PluginHost} handed to every plugin's `setup`: the worker's app, config, schema, handlers
 * and auth, and the ways to run code as the core does.
 *
 * @example
 * const host = createPluginHost({ app, config, schema, handlers, auth, engine, callers, resolveSession });
 */
export function createPluginHost<Env extends object>(setup: PluginHostSetup<Env>): PluginHost<Env> {
  const { engine, callers, config } = setup;
  const resolveSession = async (request: Request, env: Env) =>
    (await setup.resolveSession?.(request, env)) ?? null;
  return {
    app: setup.app,
    config,
    schema: setup.schema,
    handlers: setup.handlers,
    auth: setup.auth,
    resolveSession,
    resolveToken: async (token, env) => {
      // Only `<token>.<signature>`: a bare session id must never stand for its session.
      if (typeof token !== "string" || !/^[^.\s]+\.[^.\s]+$/.test(token)) return null;
      return resolveSession(new Request(TOKEN_URL, { headers: { authorization: `Bearer ${token}` } }), env);
    },
    runQuery: callers.runQuery,
    runHandler: callers.runHandler,
    withContext: (options, fn) =>
      engine.runSystem(
        {
          name: options.name,
          env: options.env,
          executionCtx: options.executionCtx,
          user: options.user ?? null,
        },
        (ctx) => fn(ctx as SystemContext),
      ),
    storageBucket: (env) => (config.storage ? storageBucket(env, config.storage.binding) : undefined),
  };
}
