// Type-only: the runtime imports `better-auth/minimal` (no Kysely), whose types are the same.
import type { Auth, BetterAuthOptions } from "better-auth";
import type { admin } from "better-auth/plugins/admin";
import type { bearer } from "better-auth/plugins/bearer";

/**
 * What an app may put in `config.auth.options`: Better Auth options minus the ones Appflare owns
 * (`database` is the app's D1 through Drizzle, `basePath` comes from `config.auth.basePath`).
 */
export type AuthOptions = Omit<BetterAuthOptions, "database" | "basePath">;

/**
 * The plugins Appflare always installs: bearer tokens (`set-auth-token`) and admin (roles, bans).
 * `admin<{}>` rather than `typeof admin`: the bare generic resolves to its constraint and loses the
 * user fields (`role`, `banned`...) it adds.
 */
export type BuiltInAuthPlugins = [ReturnType<typeof bearer>, ReturnType<typeof admin<{}>>];

type PluginsOf<O> = O extends { plugins?: infer P } ? (P extends readonly unknown[] ? P : []) : [];

/** The Better Auth options `createAuth` builds from the app's `O`: its own plus the built-in plugins. */
export type AppflareAuthOptions<O extends AuthOptions = {}> = Omit<O, "plugins"> & {
  plugins: [...BuiltInAuthPlugins, ...PluginsOf<O>];
};

/**
 * The Better Auth instance `ctx.auth` holds, typed to the app's auth options: `ctx.auth.api.*`
 * includes the admin endpoints (`banUser`, `setRole`...) and any plugin the app adds.
 */
export type AppflareAuth<O extends AuthOptions = {}> = Auth<AppflareAuthOptions<O>>;

/**
 * The signed-in user (`ctx.user`): Better Auth's user with the admin plugin's `role`, `banned`,
 * `banReason`, `banExpires` and the app's `user.additionalFields`.
 *
 * @example
 * type User = AuthUser<{ user: { additionalFields: { plan: { type: "string" } } } }>;
 * // User["plan"] is string
 */
export type AuthUser<O extends AuthOptions = {}> = AppflareAuth<O>["$Infer"]["Session"]["user"];

/** The current session (`ctx.session`), typed like {@link AuthUser}. */
export type AuthSession<O extends AuthOptions = {}> = AppflareAuth<O>["$Infer"]["Session"]["session"];

/**
 * The auth options of an app config type (`typeof config`), for typing `ctx.user` from the config.
 * Needs the config's literal type: declare it `as const` or through a generic `defineConfig`.
 *
 * @example
 * const config = { auth: { options: { user: { additionalFields: { plan: { type: "string" } } } } } } as const;
 * type User = AuthUser<AuthOptionsOf<typeof config>>;
 */
export type AuthOptionsOf<Config> = Config extends { readonly auth?: { readonly options?: infer O } }
  ? WithMutableFieldTypes<O> extends infer M extends AuthOptions
    ? M
    : {}
  : {};

/**
 * `defineConfig` (a `const` generic) and `as const` make an enum field's `type: ["a", "b"]` a readonly
 * tuple, which Better Auth's option types (mutable arrays) refuse: without this, one enum field made
 * every additional field vanish from `ctx.user`.
 */
type WithMutableFieldTypes<O> = O extends { readonly user: { readonly additionalFields: infer F } }
  ? [ReadonlyEnumFields<F>] extends [never]
    ? O
    : Omit<O, "user"> & {
        readonly user: Omit<O["user"], "additionalFields"> & {
          readonly additionalFields: {
            readonly [K in keyof F]: F[K] extends { readonly type: readonly (infer V extends string)[] }
              ? Omit<F[K], "type"> & { readonly type: V[] }
              : F[K];
          };
        };
      }
  : O;

/** Keys of fields whose `type` is a readonly list of values. */
type ReadonlyEnumFields<F> = {
  [K in keyof F]: F[K] extends { readonly type: infer T }
    ? T extends readonly string[]
      ? T extends string[]
        ? never
        : K
      : never
    : never;
}[keyof F];

/**
 * What the auth layer adds to query and mutation contexts (`ctx.user`, `ctx.session`, `ctx.auth`),
 * for `defineHandlers<Schema, Env, AuthContext<Options> & ...>()`.
 */
export interface AuthContext<O extends AuthOptions = {}> {
  readonly user: AuthUser<O> | null;
  readonly session: AuthSession<O> | null;
  readonly auth: AppflareAuth<O>;
}
