import { join } from "node:path";
import { workspace } from "./workspace.mjs";

/**
 * The `appflare` CLI bundled with esbuild from packages/codegen/src (the current sources, not a possibly
 * stale dist/), packages external. Answers the path of the bundle.
 */
export async function bundleCli() {
  const codegen = join(workspace.root, "packages", "codegen");
  const out = join(codegen, "node_modules", ".cache", "appflare-bench", "cli.mjs");
  await workspace.fromCodegen("esbuild").build({
    entryPoints: [join(codegen, "src", "cli.ts")],
    outfile: out,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  return out;
}
