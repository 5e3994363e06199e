import type { BuildOptions } from "esbuild";

// Bundled CommonJS may `require()` an external package; ESM output has no `require`, so give it Node's.
const REQUIRE_SHIM =
  'import { createRequire as __appflareCreateRequire } from "node:module";\nconst require = __appflareCreateRequire(import.meta.url);';

/** esbuild options shared by every bundle the CLI runs in Node. */
export const nodeBundleOptions: BuildOptions = {
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Workspace packages point their `development` condition at TypeScript sources.
  conditions: ["development"],
  // Maps let errors thrown by user code be reported at the user's file and line.
  sourcemap: "linked",
  logLevel: "silent",
  banner: { js: REQUIRE_SHIM },
};
