import type { AuthOptions } from "../../../src/auth/AppflareAuth";

/**
 * The auth options of the test app: one additional user field, typed through to `ctx.user.plan`.
 * `satisfies` keeps the literal field types that `AuthUser` reads.
 */
export const authOptions = {
  user: {
    additionalFields: {
      plan: { type: "string", required: false, defaultValue: "free", input: true },
    },
  },
} satisfies AuthOptions;

export type TestAuthOptions = typeof authOptions;
