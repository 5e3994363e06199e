import { type AnySchema, compileSchema } from "@appflare/schema";
import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { betterAuth } from "better-auth/minimal";
import { admin } from "better-auth/plugins/admin";
import { bearer } from "better-auth/plugins/bearer";
import { type DrizzleD1Database, drizzle } from "drizzle-orm/d1";
import type { AppflareAuth, AuthOptions } from "./AppflareAuth";
import { banGuard } from "./banGuard";
import { betterAuthTables } from "./betterAuthTables";
import { withAuthUserFields } from "./withAuthUserFields";

/** `config.auth` as `createAuth` reads it (resolved or as written). */
export interface AuthConfigInput<O extends AuthOptions = AuthOptions> {
  /** Where the Better Auth routes live. Default `/api/auth`. */
  readonly basePath?: string;
  /** Better Auth options (`emailAndPassword`, `plugins`, `user.additionalFields`, `trustedOrigins`...). */
  readonly options?: O;
}

/** Options of {@link createAuth}. */
export interface CreateAuthOptions<O extends AuthOptions = {}> {
  /** The app's D1: the binding (`env.DB`) or a Drizzle instance over it. */
  readonly db: D1Database | DrizzleD1Database<Record<string, unknown>>;
  /**
   * The app's `schema(...)`: its `users`, `sessions`, `accounts`, `verifications` tables are used, with
   * `options.user.additionalFields` as extra `users` columns (`withUserFields`).
   */
  readonly schema: AnySchema;
  readonly config?: AuthConfigInput<O>;
  /**
   * Worker bindings: `BETTER_AUTH_SECRET` (or `AUTH_SECRET`) signs tokens when `options.secret` is not
   * set, `BETTER_AUTH_URL` is the default `baseURL`.
   */
  readonly env?: object;
  /** Public URL of the Worker. Default: `options.baseURL`, env `BETTER_AUTH_URL`, else each request's origin. */
  readonly baseURL?: string;
  /** Origins allowed besides `options.trustedOrigins` (the CORS list; `*` is ignored). */
  readonly trustedOrigins?: readonly string[];
}

/**
 * Builds the Better Auth instance of an Appflare app: the Drizzle adapter over the schema's auth
 * tables (`users`, `sessions`, `accounts`, `verifications`), email/password sign-in on unless the
 * options turn it off, the `bearer` plugin (tokens in `set-auth-token`), the `admin` plugin (roles,
 * bans) and the app's own plugins. `options.emailAndPassword.password.{hash,verify}` pass through, so
 * a cheaper hash than the default scrypt can be used (see the auth README for the trade-off).
 *
 * @example
 * const auth = createAuth({ db: env.DB, schema, env, config: { options: { trustedOrigins: ["https://app.example.com"] } } });
 * const res = await auth.api.signUpEmail({ body: { email, password, name } });
 */
export function createAuth<O extends AuthOptions = {}>(options: CreateAuthOptions<O>): AppflareAuth<O> {
  const appOptions: AuthOptions = options.config?.options ?? {};
  const env = (options.env ?? {}) as Record<string, unknown>;
  const schema = withAuthUserFields(options.schema, appOptions);
  const { users, sessions, accounts, verifications } = betterAuthTables(compileSchema(schema));
  const db = isD1Binding(options.db) ? drizzle(options.db) : options.db;

  const resolved: BetterAuthOptions = {
    ...appOptions,
    basePath: options.config?.basePath ?? "/api/auth",
    baseURL: appOptions.baseURL ?? options.baseURL ?? stringOr(env.BETTER_AUTH_URL),
    secret: appOptions.secret ?? stringOr(env.BETTER_AUTH_SECRET) ?? stringOr(env.AUTH_SECRET),
    database: drizzleAdapter(db, {
      provider: "sqlite",
      usePlural: true,
      schema: { users, sessions, accounts, verifications },
    }),
    emailAndPassword: { enabled: true, ...appOptions.emailAndPassword },
    trustedOrigins: mergeTrustedOrigins(appOptions.trustedOrigins, options.trustedOrigins ?? []),
    plugins: withBuiltInPlugins(appOptions.plugins ?? []),
  };
  // The instance really is configured with the built-in plugins AppflareAuth<O> declares.
  return betterAuth(resolved) as unknown as AppflareAuth<O>;
}

/**
 * bearer + admin unless the app brings its own (configured) copy, then the ban guard, then the app's
 * plugins in their order.
 */
function withBuiltInPlugins(plugins: readonly BetterAuthPlugin[]): BetterAuthPlugin[] {
  const ids = new Set(plugins.map((p) => p.id));
  const builtIn: BetterAuthPlugin[] = [];
  // Only `<token>.<signature>` authenticates: by default the plugin signs a bare token itself, so a
  // session id read from the database (or a log) would work as a credential.
  if (!ids.has("bearer")) builtIn.push(bearer({ requireSignature: true }));
  if (!ids.has("admin")) builtIn.push(admin());
  return [...builtIn, banGuard(), ...plugins];
}

type TrustedOrigins = BetterAuthOptions["trustedOrigins"];

function mergeTrustedOrigins(app: TrustedOrigins, extra: readonly string[]): TrustedOrigins {
  const listed = extra.filter((origin) => origin !== "*");
  if (typeof app === "function") {
    return async (request) => [...(await app(request)), ...listed];
  }
  return [...(app ?? []), ...listed];
}

function isD1Binding(db: CreateAuthOptions["db"]): db is D1Database {
  return typeof (db as Partial<D1Database>).prepare === "function" && !("select" in db);
}

const stringOr = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;
