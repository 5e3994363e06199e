import { type AnySchema, type UserFields, withUserFields } from "@appflare/schema";
import type { AuthOptions } from "./AppflareAuth";

/**
 * The app's schema with `auth.options.user.additionalFields` as extra `users` columns — the one schema
 * the auth adapter, `ctx.db` and codegen's migrations share (see `withUserFields`). Memoized per
 * schema and fields object, so calling it from each layer costs one resolution per Worker. Applied
 * whether or not auth is enabled: the `users` table exists either way, and so do its columns.
 *
 * @param options `auth.options` (resolved or as written)
 * @example
 * const appSchema = withAuthUserFields(schema, resolveConfig(config).auth.options);
 */
export function withAuthUserFields<S extends AnySchema>(schema: S, options: object): S {
  const fields = (options as AuthOptions).user?.additionalFields as UserFields | undefined;
  return withUserFields(schema, fields) as S;
}
