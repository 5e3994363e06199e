import type { AuthContext } from "../../../src/auth/AppflareAuth";
import type { AppSchemaOf } from "../../../src/auth/AppSchemaOf";
import { defineHandlers } from "../../../src/handlers/defineHandlers";
import type { TestAuthOptions } from "../../auth/app/authOptions";
import type schema from "../../boardSchema";

/** What the generated `<outDir>/handlers.ts` would export for the plugin tests' app. */
export const { query, mutation, storageManager } = defineHandlers<
  AppSchemaOf<typeof schema, { auth: { options: TestAuthOptions } }>,
  Cloudflare.Env,
  AuthContext<TestAuthOptions>
>();
