import type {} from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the client package's fixture app under `wrangler dev`. */
    endpoint: string;
  }
}
