import type { AuthOptions } from "../../../src/auth/AppflareAuth";

/**
 * The auth options of the test app: additional user fields, typed through to `ctx.user.plan` and
 * `ctx.user.tags`, and migrated as `users.plan` / `users.tags` (vitest.config.ts runs drizzle-kit over
 * the example schema extended with them). `satisfies` keeps the literal field types `AuthUser` reads.
 */
export const authOptions = {
  user: {
    additionalFields: {
      plan: { type: "string", required: false, defaultValue: "free", input: true },
      tags: { type: "string[]", required: false, input: true },
      // Better Auth never returns it; ctx.db must not either.
      recoveryCode: { type: "string", required: false, input: false, returned: false },
    },
  },
} satisfies AuthOptions;

export type TestAuthOptions = typeof authOptions;
