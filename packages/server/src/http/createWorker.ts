import type { AnySchema } from "@appflare/schema";
import { Hono } from "hono";
import type { AppflareConfig } from "../config/AppflareConfig";
import type { ResolvedConfig } from "../config/ResolvedConfig";
import { resolveConfig } from "../config/resolveConfig";
import { NotFoundError } from "../errors/AppflareError";
import { type CollectedHandler, collectHandlers, type HandlerModules } from "../handlers/collectHandlers";
import type { SessionRecord, SessionUser } from "../handlers/HandlerContext";
import type { AnyHandlerDefinition, HandlerKind } from "../handlers/HandlerDefinition";
import type { AppEnv } from "./AppEnv";
import { cors } from "./cors";
import { dispatchCron } from "./dispatchCron";
import { dispatchQueue } from "./dispatchQueue";
import { errorResponse, jsonResponse } from "./errorResponse";
import { type CallResult, HandlerEngine } from "./HandlerEngine";
import { mountHandlerRoutes } from "./handlerRoutes";
import { openApiDocument } from "./openApiDocument";
import { REQUEST_ID_HEADER, requestIdFor } from "./requestId";
import type { WorkerHooks } from "./WorkerHooks";

/** Options of {@link createWorker}. */
export interface CreateWorkerOptions<Env extends object, Ext extends object> {
  /** The app's `schema(...)` value. */
  readonly schema: AnySchema;
  /** The app's `defineConfig(...)` value (validated and resolved here). */
  readonly config: AppflareConfig;
  /** Handler modules keyed by path under scanDir (the generated `api.ts` `modules`). */
  readonly modules: HandlerModules;
  readonly hooks?: WorkerHooks<Env, Ext>;
}

/** The Worker entry points (`export default app.worker`). */
export interface AppflareExportedHandler<Env> {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response>;
  queue(batch: MessageBatch, env: Env, ctx: ExecutionContext): Promise<void>;
  scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void>;
}

/** Options of `runQuery`: who asks, with which bindings. */
export interface RunQueryOptions<Env> {
  readonly env: Env;
  /** The subscriber, or `null`/absent for an anonymous subscription. */
  readonly user?: SessionUser | null;
  readonly session?: SessionRecord | null;
  /** `ctx.request` for the run; default: a bare `GET` of the query's route. */
  readonly request?: Request;
}

/** What {@link createWorker} returns. */
export interface AppflareWorker<Env extends object> {
  readonly worker: AppflareExportedHandler<Env>;
  /** The Hono app: later layers (auth, storage, realtime, dashboard) mount their routes on it. */
  readonly app: Hono<AppEnv<Env>>;
  readonly config: ResolvedConfig;
  /** Every handler found in `modules`, sorted by name. */
  readonly handlers: readonly CollectedHandler[];
  /**
   * Runs a query outside HTTP (the realtime Durable Object's executor): same arg parsing, auth and ban
   * checks as `GET /queries/<name>`, and returns the result with the read set it recorded. Throws the
   * same `AppflareError`s (404 unknown query, 400 bad args, 401, 403).
   */
  runQuery(name: string, args: unknown, options: RunQueryOptions<Env>): Promise<CallResult>;
}

type Definition<K extends HandlerKind> = Extract<AnyHandlerDefinition, { kind: K }>;

/**
 * Builds the Appflare Worker: a Hono app serving `GET /queries/<name>`, `POST /mutations/<name>` and
 * `GET /openapi.json` with request ids, CORS, body limits and the api.md §3 error responses, plus the
 * Queues (`scheduler`) and cron (`scheduled`) entry points. The generated `<outDir>/worker.ts` is a
 * call to this.
 *
 * @example
 * const app = createWorker({ schema, config, modules });
 * export default app.worker;
 */
export function createWorker<Env extends object = Cloudflare.Env, Ext extends object = {}>(
  options: CreateWorkerOptions<Env, Ext>,
): AppflareWorker<Env> {
  const config = resolveConfig(options.config);
  const hooks = (options.hooks ?? {}) as WorkerHooks<Env, object>;
  const handlers = collectHandlers(options.modules);
  const queries = byKind(handlers, "query");
  const mutations = byKind(handlers, "mutation");
  const schedulers = byKind(handlers, "scheduler");
  const crons = byKind(handlers, "cron");
  const engine = new HandlerEngine<Env>({ schema: options.schema, config, hooks });

  const app = new Hono<AppEnv<Env>>();
  app.use("*", async (c, next) => {
    const requestId = requestIdFor(c.req.raw);
    c.set("requestId", requestId);
    await next();
    if (!c.res.headers.has(REQUEST_ID_HEADER)) c.res.headers.set(REQUEST_ID_HEADER, requestId);
  });
  app.use("*", cors({ origins: config.cors }));
  app.onError((error, c) =>
    errorResponse(error, c.get("requestId"), `${c.req.method} ${new URL(c.req.url).pathname}`),
  );
  app.notFound((c) => {
    const error = new NotFoundError(`No route ${c.req.method} ${new URL(c.req.url).pathname}`);
    return jsonResponse(error.body, error.status, c.get("requestId"));
  });

  mountHandlerRoutes(app, {
    queries,
    mutations,
    engine,
    resolveSession: hooks.resolveSession,
    bodyBytes: config.limits.bodyBytes,
  });
  let openApi: Record<string, unknown> | undefined;
  app.get("/openapi.json", (c) => {
    openApi ??= openApiDocument(config.name, handlers);
    return c.json(openApi);
  });

  return {
    app,
    config,
    handlers,
    worker: {
      fetch: async (request, env, ctx) => app.fetch(request, env, ctx),
      queue: (batch, env, ctx) => dispatchQueue(batch, env, ctx, schedulers, engine),
      scheduled: async (controller, env, ctx) => {
        await dispatchCron(controller.cron, env, ctx, crons, engine);
      },
    },
    runQuery: async (name, args, runOptions) => {
      const definition = queries.get(name);
      if (!definition) throw new NotFoundError(`No query named "${name}"`);
      const user = runOptions.user ?? null;
      return engine.runRequest({
        kind: "query",
        name,
        definition,
        rawArgs: args,
        env: runOptions.env,
        request: runOptions.request ?? new Request(`https://appflare.internal/queries/${name}`),
        executionCtx: undefined,
        caller: user ? { user, session: runOptions.session ?? null } : null,
        requestId: undefined,
      });
    },
  };
}

function byKind<K extends HandlerKind>(
  handlers: readonly CollectedHandler[],
  kind: K,
): Map<string, Definition<K>> {
  const out = new Map<string, Definition<K>>();
  for (const h of handlers) if (h.definition.kind === kind) out.set(h.name, h.definition as Definition<K>);
  return out;
}
