import type { UserFields } from "@appflare/schema";
import type { ResolvedConfig } from "@appflare/server";

/**
 * The resolved config as the CLI sees it: `resolveConfig`'s result (every default applied) minus
 * `auth.options`, which holds Better Auth plugins (functions) that neither cross the loader thread
 * nor matter to code generation — except `user.additionalFields`, which become `users` columns.
 */
export type CodegenConfig = Omit<ResolvedConfig, "auth"> & {
  readonly auth: Omit<ResolvedConfig["auth"], "options"> & {
    /**
     * `auth.options.user.additionalFields` as plain data (`plainUserFields`: function defaults dropped,
     * dates as ISO strings); `{}` when there are none. Rendered into `drizzle.schema.ts`.
     */
    readonly additionalFields: UserFields;
  };
};
