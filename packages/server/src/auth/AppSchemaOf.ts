import type { AnySchema, Schema, UserFields } from "@appflare/schema";

/**
 * `auth.options.user.additionalFields` of a config type, as `withUserFields` takes them (`{}` if none).
 * Read from the config directly: `defineConfig` keeps an enum field's values as a readonly tuple.
 */
export type UserFieldsOfConfig<Config> = Config extends {
  readonly auth?: { readonly options?: { readonly user?: { readonly additionalFields?: infer F } } };
}
  ? F extends UserFields
    ? F
    : {}
  : {};

/**
 * The schema type handlers see: the app's schema with the config's `user.additionalFields` as `users`
 * columns, as the Worker builds it at run time (`withUserFields`). Generated `handlers.ts` passes it
 * to `defineHandlers`, so `ctx.db.users` reads, filters and returns those columns with their types.
 *
 * @example
 * type S = AppSchemaOf<typeof schema, typeof config>;
 * type Plan = Row<S, "users">["plan"]; // string
 */
export type AppSchemaOf<S extends AnySchema, Config> =
  S extends Schema<infer Tables> ? Schema<Tables, UserFieldsOfConfig<Config>> : S;
