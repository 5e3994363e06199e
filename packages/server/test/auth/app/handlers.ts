import type schema from "../../../../../apps/example/schema";
import type { AuthContext } from "../../../src/auth/AppflareAuth";
import { defineHandlers } from "../../../src/handlers/defineHandlers";
import type { TestAuthOptions } from "./authOptions";

/** What the generated `<outDir>/handlers.ts` would export for an app with these auth options. */
export const { query, mutation } = defineHandlers<
  typeof schema,
  Cloudflare.Env,
  AuthContext<TestAuthOptions>
>();
