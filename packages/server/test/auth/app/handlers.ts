import type { AuthContext } from "../../../src/auth/AppflareAuth";
import type { AppSchemaOf } from "../../../src/auth/AppSchemaOf";
import { defineHandlers } from "../../../src/handlers/defineHandlers";
import type schema from "../../boardSchema";
import type { TestAuthOptions } from "./authOptions";

/** What the generated `<outDir>/handlers.ts` would export for an app with these auth options. */
export const { query, mutation } = defineHandlers<
  AppSchemaOf<typeof schema, { auth: { options: TestAuthOptions } }>,
  Cloudflare.Env,
  AuthContext<TestAuthOptions>
>();
