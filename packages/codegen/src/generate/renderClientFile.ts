import { banner } from "./banner";

/**
 * `<outDir>/client.ts`: what front-end code imports to type its client. Type-only, so importing it
 * never pulls server code into a browser bundle.
 *
 * @example
 * renderClientFile(); // "… export type { Api } from \"./api\";"
 */
export function renderClientFile(): string {
  return [
    banner("the handler modules under scanDir"),
    '/** The app\'s API type for typed clients: `import type { Api } from "<outDir>/client"`. */',
    'export type { Api } from "./api";',
    "",
  ].join("\n");
}
