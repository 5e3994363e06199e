import { Hono } from "hono";
import { createAuthRuntime } from "../auth/createAuthRuntime";
import type { SessionsRevoked } from "../auth/SessionsRevoked";
import { withAuthUserFields } from "../auth/withAuthUserFields";
import { resolveConfig } from "../config/resolveConfig";
import { collectHandlers } from "../handlers/collectHandlers";
import { createSchedulerRuntime } from "../scheduler/createSchedulerRuntime";
import type { AppEnv } from "./AppEnv";
import type { AppflareWorker, CreateWorkerOptions } from "./AppflareWorker";
import { buildContextHooks } from "./buildContextHooks";
import { createCallers } from "./createCallers";
import { dispatchCron } from "./dispatchCron";
import { HandlerEngine } from "./HandlerEngine";
import { handlerRegistry } from "./HandlerRegistry";
import { installMiddleware } from "./installMiddleware";
import { mountCoreRoutes } from "./mountCoreRoutes";
import { createPluginHost } from "./plugins/createPluginHost";
import {
  APP_HOOKS_RECEIVER,
  dispatchMutationEvents,
  dispatchSessionsRevoked,
  type SetUpPlugins,
  setupPlugins,
  wantsRevocations,
} from "./plugins/setupPlugins";
import type { WorkerHooks } from "./WorkerHooks";

/**
 * Builds the Appflare Worker: a Hono app serving `GET /queries/<name>`, `POST /mutations/<name>`,
 * Better Auth at `config.auth.basePath`, the storage routes (when `config.storage` is set) and
 * `GET /openapi.json`, with request ids, CORS, body limits and the api.md §3 error responses, plus the
 * Queues (`scheduler`) and cron (`scheduled`) entry points. Handler contexts get `ctx.auth`,
 * `ctx.scheduler` (and `ctx.job` in tasks) and `ctx.storage`. `plugins` (realtime, dashboard) are set
 * up after the core layers and before the core routes. The generated `<outDir>/worker.ts` is a call to this.
 *
 * @example
 * const app = createWorker({ schema, config, modules, plugins: [realtime()] });
 * export default app.worker;
 * export const AppflareRealtime = app.exports.AppflareRealtime;
 */
export function createWorker<Env extends object = Cloudflare.Env, Ext extends object = {}>(
  options: CreateWorkerOptions<Env, Ext>,
): AppflareWorker<Env> {
  const config = resolveConfig(options.config);
  // One schema for every layer: Better Auth's adapter and ctx.db both see the additional user columns.
  const schema = withAuthUserFields(options.schema, config.auth.options);
  const userHooks = (options.hooks ?? {}) as WorkerHooks<Env, object>;
  const handlers = collectHandlers(options.modules);
  const registry = handlerRegistry(handlers);
  const auth = config.auth.enabled ? createAuthRuntime<{}, Env>({ schema, config }) : undefined;
  const scheduler = createSchedulerRuntime<Env>({ config, modules: options.modules });

  // Receivers are known only after the plugins' setup, which needs the engine: filled in below.
  let receivers: SetUpPlugins<Env>["hooks"] = [];
  const hooks = buildContextHooks<Env>({
    auth,
    scheduler,
    storage: config.storage,
    managers: registry.managers,
    userHooks,
    onMutationEvents: (events, info) => dispatchMutationEvents(receivers, events, info),
  });
  const engine = new HandlerEngine<Env>({ schema, config, hooks });
  const callers = createCallers(engine, registry);

  const app = new Hono<AppEnv<Env>>();
  installMiddleware(app, { config, auth });
  const host = createPluginHost({
    app,
    config,
    schema,
    handlers,
    auth,
    engine,
    callers,
    resolveSession: hooks.resolveSession,
  });
  const plugins = setupPlugins(options.plugins ?? [], host);
  const appReceiver = { name: APP_HOOKS_RECEIVER, hooks: { onMutationEvents: userHooks.onMutationEvents } };
  receivers = [...(userHooks.onMutationEvents ? [appReceiver] : []), ...plugins.hooks];

  mountCoreRoutes(app, {
    config,
    handlers,
    registry,
    engine,
    auth,
    resolveSession: hooks.resolveSession,
    onSessionsRevoked: wantsRevocations(receivers)
      ? (change: SessionsRevoked, env: Env, executionCtx: ExecutionContext | undefined) => {
          const sent = dispatchSessionsRevoked(receivers, change, { env, executionCtx });
          executionCtx?.waitUntil(sent);
        }
      : undefined,
  });

  return {
    app,
    config,
    handlers,
    auth,
    scheduler,
    exports: plugins.exports,
    runQuery: callers.runQuery,
    worker: {
      fetch: async (request, env, ctx) => app.fetch(request, env, ctx),
      queue: async (batch, env, ctx) => {
        await scheduler.consume(batch, env, ctx, (run) =>
          engine.runJob({
            kind: "scheduler",
            name: run.task,
            definition: run.definition,
            rawArgs: run.payload,
            env: run.env,
            executionCtx: run.executionCtx,
            job: run.job,
          }),
        );
      },
      scheduled: async (controller, env, ctx) => {
        await dispatchCron(controller.cron, env, ctx, registry.crons, engine);
      },
    },
  };
}
