import type { AppflareConfig } from "./AppflareConfig";
import { validateConfig } from "./validateConfig";

/**
 * Declares the app's config (`appflare.config.ts`). Validated strictly: an unknown or mistyped key
 * throws a `ConfigError` naming the key path and the expected type (TypeScript's excess-property
 * check catches most of them earlier). Defaults are applied by `resolveConfig`, so the value returned
 * here is exactly what was written.
 *
 * @example
 * export default defineConfig({
 *   name: "my-app",
 *   storage: { bucketName: "my-app-files" },
 *   cors: ["https://my-app.example.com"],
 * });
 */
export function defineConfig(config: AppflareConfig): AppflareConfig {
  return validateConfig(config);
}
