import type { AnySchema } from "@appflare/schema";
import type { ResolvedConfig } from "../config/ResolvedConfig";
import type { AppflareAuth, AuthOptions } from "./AppflareAuth";
import { createAuth } from "./createAuth";
import { handleWithRevocations, type RevocationSource } from "./handleWithRevocations";
import { type AuthCaller, resolveAuthSession, type SessionSource } from "./resolveAuthSession";
import type { SessionsRevoked } from "./SessionsRevoked";
import { withAuthUserFields } from "./withAuthUserFields";

/** Options of {@link createAuthRuntime}. */
export interface AuthRuntimeOptions {
  /** The app's `schema(...)`; `config.auth.options.user.additionalFields` become `users` columns. */
  readonly schema: AnySchema;
  /** The resolved config: `auth`, `cors` (trusted origins) and `database.binding` are read. */
  readonly config: Pick<ResolvedConfig, "auth" | "cors" | "database">;
}

/** The auth layer of one Worker, ready to plug into `createWorker`'s hooks and Hono app. */
export interface AuthRuntime<O extends AuthOptions = {}, Env extends object = Cloudflare.Env> {
  /** `config.auth.enabled`: when false, nobody is signed in and no auth route exists. */
  readonly enabled: boolean;
  /** `config.auth.basePath` (`/api/auth`). */
  readonly basePath: string;
  /**
   * The Better Auth instance for these bindings, built on first use and then reused for as long as
   * the isolate keeps the same `env` object.
   */
  authFor(env: Env): AppflareAuth<O>;
  /**
   * `hooks.resolveSession`: the caller of a request, `null` when anonymous (or auth is disabled).
   * Throws `BannedError` (403 `banned`) for banned users.
   */
  resolveSession(request: Request, env: Env): Promise<AuthCaller | null>;
  /**
   * Serves `GET`/`POST <basePath>/*` (sign-up, sign-in, sessions, admin endpoints...). With
   * `onRevoked`, a successful sign-out, revoke-sessions or admin ban / revoke / removal reports the
   * sessions it ended (see `handleWithRevocations`).
   */
  handle(request: Request, env: Env, onRevoked?: (change: SessionsRevoked) => void): Promise<Response>;
  /**
   * Appends to `headers` the `Set-Cookie` lines Better Auth produced while {@link resolveSession}
   * refreshed this request's cookie session (a new expiry), so the browser keeps the cookie as long as
   * the session lives. Call it on the response of the request that was resolved.
   */
  forwardSessionCookies(request: Request, headers: Headers): void;
  /** `ctx.auth` for `hooks.extendContext`, built lazily (a handler that never reads it costs nothing). */
  contextFields(env: Env): { readonly auth: AppflareAuth<O> };
}

/**
 * Creates the auth layer from the app's schema and resolved config. Better Auth instances are cached
 * per `env` object: building one costs CPU (plugins, schema, endpoints) that a request should not pay
 * when the isolate already has one for the same bindings.
 *
 * @example
 * const auth = createAuthRuntime({ schema, config: resolveConfig(config) });
 * const app = createWorker({ schema, config, modules, hooks: {
 *   resolveSession: auth.resolveSession,
 *   extendContext: (_ctx, info) => auth.contextFields(info.env),
 * } });
 * app.app.on(["GET", "POST"], `${auth.basePath}/*`, (c) => auth.handle(c.req.raw, c.env));
 */
export function createAuthRuntime<O extends AuthOptions = {}, Env extends object = Cloudflare.Env>(
  options: AuthRuntimeOptions,
): AuthRuntime<O, Env> {
  const { config } = options;
  // Once per Worker: every Better Auth instance (one per env) shares the extended schema.
  const schema = withAuthUserFields(options.schema, config.auth.options);
  const instances = new WeakMap<object, AppflareAuth<O>>();
  // Set-Cookie lines of a session refresh, by the request that caused it (dropped with the request).
  const refreshed = new WeakMap<Request, readonly string[]>();

  const authFor = (env: Env): AppflareAuth<O> => {
    let auth = instances.get(env);
    if (auth === undefined) {
      auth = createAuth<O>({
        db: d1Binding(env, config.database.binding),
        schema,
        env,
        config: { basePath: config.auth.basePath, options: config.auth.options as O },
        trustedOrigins: config.cors ?? allowedOriginsOf(env),
      });
      instances.set(env, auth);
    }
    return auth;
  };

  return {
    enabled: config.auth.enabled,
    basePath: config.auth.basePath,
    authFor,
    resolveSession: async (request, env) =>
      // `AppflareAuth<O>` for an unresolved `O` hides `api.getSession`; every instance has it.
      config.auth.enabled
        ? resolveAuthSession(authFor(env) as unknown as SessionSource, request, (cookies) =>
            refreshed.set(request, cookies),
          )
        : null,
    forwardSessionCookies: (request, headers) => {
      for (const cookie of refreshed.get(request) ?? []) headers.append("set-cookie", cookie);
      refreshed.delete(request);
    },
    handle: async (request, env, onRevoked) => {
      if (!config.auth.enabled) {
        return Response.json({ code: "not_found", message: "Auth is disabled" }, { status: 404 });
      }
      const auth = authFor(env);
      if (!onRevoked) return auth.handler(request);
      return handleWithRevocations(
        auth as unknown as RevocationSource,
        config.auth.basePath,
        request,
        onRevoked,
      );
    },
    contextFields: (env) => ({
      get auth() {
        return authFor(env);
      },
    }),
  };
}

function d1Binding(env: object, binding: string): D1Database {
  const db = (env as Record<string, unknown>)[binding];
  if (typeof db !== "object" || db === null || typeof (db as D1Database).prepare !== "function") {
    throw new Error(
      `Auth needs the D1 binding "${binding}" in the Worker env: add it to wrangler.json (appflare build does), or set config.database.binding`,
    );
  }
  return db as D1Database;
}

/** Env `ALLOWED_ORIGINS` (comma list), the CORS default, also trusted by Better Auth's origin check. */
function allowedOriginsOf(env: object): string[] {
  const raw = (env as { ALLOWED_ORIGINS?: unknown }).ALLOWED_ORIGINS;
  if (typeof raw !== "string") return [];
  return raw
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "" && origin !== "*");
}
