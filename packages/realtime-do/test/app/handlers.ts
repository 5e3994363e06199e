import { defineHandlers } from "@appflare/server";
import type schema from "./schema";

// What the generated `<outDir>/handlers.ts` does for an app.
export const { query, mutation } = defineHandlers<typeof schema, Cloudflare.Env>();
