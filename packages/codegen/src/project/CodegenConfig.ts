import type { ResolvedConfig } from "@appflare/server";

/**
 * The resolved config as the CLI sees it: `resolveConfig`'s result (every default applied) minus
 * `auth.options`, which holds Better Auth plugins (functions) that neither cross the loader thread
 * nor matter to code generation.
 */
export type CodegenConfig = Omit<ResolvedConfig, "auth"> & {
  readonly auth: Omit<ResolvedConfig["auth"], "options">;
};
