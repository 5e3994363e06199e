import { banner } from "./banner";

/**
 * `<outDir>/client.ts`: the app's typed client class. It imports only the `Api` TYPE of the handler
 * modules, so a browser bundle gets `@appflare/client` and no server code.
 *
 * @example
 * renderClientFile(); // "… export const Appflare = createAppflareClass<Api>(); …"
 */
export function renderClientFile(): string {
  return [
    banner("the handler modules under scanDir"),
    'import { createAppflareClass } from "@appflare/client";',
    'import type { Api } from "./api";',
    "",
    "export type { Api };",
    "",
    "/** The app's typed client: `new Appflare({ endpoint })` (see @appflare/client). */",
    "export const Appflare = createAppflareClass<Api>();",
    "",
  ].join("\n");
}
