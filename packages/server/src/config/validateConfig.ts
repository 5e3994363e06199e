import type { AppflareConfig } from "./AppflareConfig";
import { ConfigError } from "./ConfigError";
import { configIssues } from "./configIssues";
import { configSchema } from "./configSchema";

/**
 * Checks a config value against the strict schema and returns it unchanged (functions inside
 * `auth.options` keep their identity). Throws {@link ConfigError} naming every bad key path.
 */
export function validateConfig(config: unknown): AppflareConfig {
  const result = configSchema.safeParse(config ?? {}, { reportInput: true });
  if (!result.success) throw new ConfigError(configIssues(configSchema, result.error.issues));
  return (config ?? {}) as AppflareConfig;
}
