import type { AnySchema } from "@appflare/schema";
import { Hono } from "hono";
import { type AuthRuntime, createAuthRuntime } from "../auth/createAuthRuntime";
import { mountAuthRoutes } from "../auth/mountAuthRoutes";
import { withAuthUserFields } from "../auth/withAuthUserFields";
import type { AppflareConfig } from "../config/AppflareConfig";
import type { ResolvedConfig } from "../config/ResolvedConfig";
import { resolveConfig } from "../config/resolveConfig";
import { NotFoundError } from "../errors/AppflareError";
import { type CollectedHandler, collectHandlers, type HandlerModules } from "../handlers/collectHandlers";
import type { SessionRecord, SessionUser } from "../handlers/HandlerContext";
import type { AnyHandlerDefinition, HandlerKind } from "../handlers/HandlerDefinition";
import { createSchedulerRuntime, type SchedulerRuntime } from "../scheduler/createSchedulerRuntime";
import { storageChecker } from "../storage/checkStorageAccess";
import { createStorageClient } from "../storage/createStorageClient";
import { storageBucket } from "../storage/storageBucket";
import { storageRoutes } from "../storage/storageRoutes";
import type { AppEnv } from "./AppEnv";
import { cors } from "./cors";
import { dispatchCron } from "./dispatchCron";
import { errorResponse, jsonResponse } from "./errorResponse";
import { type CallResult, HandlerEngine } from "./HandlerEngine";
import { executionCtxOf, mountHandlerRoutes } from "./handlerRoutes";
import { openApiDocument } from "./openapi/openApiDocument";
import { REQUEST_ID_HEADER, requestIdFor } from "./requestId";
import type { ContextInfo, WorkerHooks } from "./WorkerHooks";

/** Options of {@link createWorker}. */
export interface CreateWorkerOptions<Env extends object, Ext extends object> {
  /**
   * The app's `schema(...)` value; `config.auth.options.user.additionalFields` are added to its `users`
   * table (`withUserFields`) for the auth adapter and `ctx.db` alike.
   */
  readonly schema: AnySchema;
  /** The app's `defineConfig(...)` value (validated and resolved here). */
  readonly config: AppflareConfig;
  /** Handler modules keyed by path under scanDir (the generated `api.ts` `modules`). */
  readonly modules: HandlerModules;
  /**
   * Overrides and additions: `resolveSession` replaces the auth layer's, `extendContext` adds fields
   * after the built-in extensions (`auth`, `scheduler`, `job`, `storage`) and may replace them.
   */
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
  /** The Hono app: later layers (realtime, dashboard) mount their routes on it. */
  readonly app: Hono<AppEnv<Env>>;
  readonly config: ResolvedConfig;
  /** Every handler found in `modules`, sorted by name. */
  readonly handlers: readonly CollectedHandler[];
  /** The auth layer (`ctx.auth`, sessions, `/api/auth/*`), or `undefined` when `auth.enabled` is false. */
  readonly auth: AuthRuntime<{}, Env> | undefined;
  /** The scheduler layer (`ctx.scheduler`, `ctx.job`, the Queues consumer behind `worker.queue`). */
  readonly scheduler: SchedulerRuntime<Env>;
  /**
   * Runs a query outside HTTP (the realtime Durable Object's executor): same arg parsing, auth and ban
   * checks as `GET /queries/<name>`, and returns the result with the read set it recorded. Throws the
   * same `AppflareError`s (404 unknown query, 400 bad args, 401, 403).
   */
  runQuery(name: string, args: unknown, options: RunQueryOptions<Env>): Promise<CallResult>;
}

type Definition<K extends HandlerKind> = Extract<AnyHandlerDefinition, { kind: K }>;

/**
 * Builds the Appflare Worker: a Hono app serving `GET /queries/<name>`, `POST /mutations/<name>`,
 * Better Auth at `config.auth.basePath`, the storage routes (when `config.storage` is set) and
 * `GET /openapi.json`, with request ids, CORS, body limits and the api.md §3 error responses, plus the
 * Queues (`scheduler`) and cron (`scheduled`) entry points. Handler contexts get `ctx.auth`,
 * `ctx.scheduler` (and `ctx.job` in tasks) and `ctx.storage`. The generated `<outDir>/worker.ts` is a
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
  // One schema for every layer: Better Auth's adapter and ctx.db both see the additional user columns.
  const schema = withAuthUserFields(options.schema, config.auth.options);
  const userHooks = (options.hooks ?? {}) as WorkerHooks<Env, object>;
  const handlers = collectHandlers(options.modules);
  const queries = byKind(handlers, "query");
  const mutations = byKind(handlers, "mutation");
  const crons = byKind(handlers, "cron");
  const managers = byKind(handlers, "storageManager");

  const auth = config.auth.enabled ? createAuthRuntime<{}, Env>({ schema, config }) : undefined;
  const scheduler = createSchedulerRuntime<Env>({ config, modules: options.modules });
  const storage = config.storage;
  const checker = storageChecker(managers);

  const resolveSession: WorkerHooks<Env>["resolveSession"] =
    userHooks.resolveSession ?? (auth ? anonymousFastPath(auth.resolveSession) : undefined);

  /**
   * `ctx.auth`, `ctx.scheduler`/`ctx.job`, `ctx.storage` and the app's own extension, merged by
   * property descriptor: spreading would run the lazy getters (building Better Auth, a scheduler and
   * a storage client for every call, used or not). The app's fields come last and win.
   */
  const extendContext = async (ctx: object, info: ContextInfo<Env>): Promise<object> => {
    const fields: PropertyDescriptorMap = {};
    const add = (extension: object | null | undefined) => {
      if (extension) Object.assign(fields, Object.getOwnPropertyDescriptors(extension));
    };
    if (auth) add(auth.contextFields(info.env));
    add(scheduler.contextFields(info));
    if (storage) {
      let client: ReturnType<typeof createStorageClient> | undefined;
      fields.storage = {
        enumerable: true,
        configurable: true,
        get: () => (client ??= createStorageClient(storageBucket(info.env, storage.binding), checker, ctx)),
      };
    }
    add(await userHooks.extendContext?.(ctx, info));
    return Object.defineProperties({}, fields);
  };

  const hooks: WorkerHooks<Env, object> = { ...userHooks, resolveSession, extendContext };
  const engine = new HandlerEngine<Env>({ schema, config, hooks });

  const app = new Hono<AppEnv<Env>>();
  app.use("*", async (c, next) => {
    const requestId = requestIdFor(c.req.raw);
    c.set("requestId", requestId);
    await next();
    if (!c.res.headers.has(REQUEST_ID_HEADER)) c.res.headers.set(REQUEST_ID_HEADER, requestId);
    // A cookie session refreshed while resolving the caller: the browser gets the new expiry.
    auth?.forwardSessionCookies(c.req.raw, c.res.headers);
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
    resolveSession,
    bodyBytes: config.limits.bodyBytes,
  });
  if (auth) mountAuthRoutes(app, auth);
  if (storage) {
    // `limits.bodyBytes` is not applied here: uploads stream into R2 under `limits.uploadBytes`.
    app.route(
      "/",
      storageRoutes<AppEnv<Env>>({
        bucket: (env) => storageBucket(env, storage.binding),
        managers,
        uploadBytes: config.limits.uploadBytes,
        buildContext: async (c) =>
          engine.storageContext({
            env: c.env,
            request: c.req.raw,
            executionCtx: executionCtxOf(c),
            caller: (await resolveSession?.(c.req.raw, c.env)) ?? null,
          }),
      }),
    );
  }
  let openApi: Record<string, unknown> | undefined;
  app.get("/openapi.json", (c) => {
    openApi ??= openApiDocument(config.name, handlers);
    return c.json(openApi);
  });

  return {
    app,
    config,
    handlers,
    auth,
    scheduler,
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

/**
 * A request with neither an `Authorization` nor a `Cookie` header is anonymous: answer without
 * building Better Auth (or reading D1). Anything else goes to the auth layer.
 */
function anonymousFastPath<Env>(
  resolve: (request: Request, env: Env) => ReturnType<NonNullable<WorkerHooks<Env>["resolveSession"]>>,
): NonNullable<WorkerHooks<Env>["resolveSession"]> {
  return (request, env) =>
    request.headers.has("authorization") || request.headers.has("cookie") ? resolve(request, env) : null;
}

function byKind<K extends HandlerKind>(
  handlers: readonly CollectedHandler[],
  kind: K,
): Map<string, Definition<K>> {
  const out = new Map<string, Definition<K>>();
  for (const h of handlers) if (h.definition.kind === kind) out.set(h.name, h.definition as Definition<K>);
  return out;
}
