import type { AppflareConfig } from "./AppflareConfig";
import { validateConfig } from "./validateConfig";

/**
 * Top-level keys of `C` that `AppflareConfig` does not have become `never`: a generic parameter loses
 * TypeScript's excess-property check on the outer object (nested objects keep it), this restores it.
 */
export type NoExtraConfigKeys<C> = C & { readonly [K in Exclude<keyof C, keyof AppflareConfig>]: never };

/**
 * Declares the app's config (`appflare.config.ts`). Validated strictly: an unknown or mistyped key
 * throws a `ConfigError` naming the key path and the expected type (TypeScript's excess-property
 * check catches most of them earlier). Defaults are applied by `resolveConfig`, so the value returned
 * here is exactly what was written.
 *
 * Generic over the literal config (`const C`), so the literal types of `auth.options` reach the
 * handler types: `AuthUser<AuthOptionsOf<typeof config>>` sees `user.additionalFields` and plugins.
 *
 * @example
 * export default defineConfig({
 *   name: "my-app",
 *   storage: { bucketName: "my-app-files" },
 *   cors: ["https://my-app.example.com"],
 * });
 */
export function defineConfig<const C extends AppflareConfig>(config: NoExtraConfigKeys<C>): C {
  return validateConfig(config) as C;
}
