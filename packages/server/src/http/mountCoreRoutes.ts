import type { Hono } from "hono";
import type { AuthRuntime } from "../auth/createAuthRuntime";
import { mountAuthRoutes, type RevocationListener } from "../auth/mountAuthRoutes";
import type { ResolvedConfig } from "../config/ResolvedConfig";
import type { CollectedHandler } from "../handlers/collectHandlers";
import { storageBucket } from "../storage/storageBucket";
import { storageRoutes } from "../storage/storageRoutes";
import type { AppEnv } from "./AppEnv";
import { executionCtxOf } from "./executionCtxOf";
import type { HandlerEngine } from "./HandlerEngine";
import type { HandlerRegistry } from "./HandlerRegistry";
import { mountHandlerRoutes } from "./handlerRoutes";
import { openApiDocument } from "./openapi/openApiDocument";
import type { WorkerHooks } from "./WorkerHooks";

/** What the core routes are served from. */
export interface CoreRoutesSetup<Env extends object> {
  readonly config: ResolvedConfig;
  readonly handlers: readonly CollectedHandler[];
  readonly registry: HandlerRegistry;
  readonly engine: HandlerEngine<Env>;
  readonly auth: AuthRuntime<{}, Env> | undefined;
  readonly resolveSession: WorkerHooks<Env>["resolveSession"];
  /** Sessions ended through the auth routes; `undefined` when nobody listens (no extra work then). */
  readonly onSessionsRevoked: RevocationListener<Env> | undefined;
}

/**
 * Mounts the core routes (api.md §5): queries and mutations, Better Auth at `config.auth.basePath`,
 * the storage routes when `config.storage` is set, and `GET /openapi.json`.
 *
 * @example
 * mountCoreRoutes(app, { config, handlers, registry, engine, auth, resolveSession, onSessionsRevoked });
 */
export function mountCoreRoutes<Env extends object>(
  app: Hono<AppEnv<Env>>,
  setup: CoreRoutesSetup<Env>,
): void {
  const { config, registry, engine, resolveSession } = setup;
  mountHandlerRoutes(app, {
    queries: registry.queries,
    mutations: registry.mutations,
    engine,
    resolveSession,
    bodyBytes: config.limits.bodyBytes,
  });
  if (setup.auth) mountAuthRoutes(app, setup.auth, setup.onSessionsRevoked);
  const storage = config.storage;
  if (storage) {
    // `limits.bodyBytes` is not applied here: uploads stream into R2 under `limits.uploadBytes`.
    app.route(
      "/",
      storageRoutes<AppEnv<Env>>({
        bucket: (env) => storageBucket(env, storage.binding),
        managers: registry.managers,
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
    openApi ??= openApiDocument(config.name, setup.handlers);
    return c.json(openApi);
  });
}
