// What `appflare build` writes as <outDir>/client.ts for the sample app (same shape, kept by hand).
import { createAppflareClass } from "@appflare/client";
import type { Api } from "./api";

export type { Api };

/** The app's typed client: `new Appflare({ endpoint })`. */
export const Appflare = createAppflareClass<Api>();
