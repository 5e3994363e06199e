import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { workspace } from "./workspace.mjs";

const compatibilityDate = "2026-04-01";

/** esbuild options every benchmark bundle shares: the workspace packages' dependencies resolve from
 * their installs. */
export const bundleOptions = {
  bundle: true,
  format: "esm",
  nodePaths: [
    join(workspace.root, "packages/server/node_modules"),
    join(workspace.root, "packages/schema/node_modules"),
  ],
  logLevel: "warning",
};

/**
 * Bundles the Worker `entry` (the file URL of a worker.ts) with wrangler's esbuild into
 * bench/results/.build/<name>/ and starts it in ONE workerd process with Miniflare, `nodejs_compat` and
 * a local D1 bound as `DB`. The `development` condition resolves the workspace packages to their src/;
 * `workerd` picks the Workers builds of dependencies (e.g. @better-auth/utils' node:crypto scrypt), as
 * `wrangler deploy` does.
 *
 * Answers a handle: `fetch(path, init)` the raw Response; `request(path, init)` `{ res, text, ms }` (ms:
 * wall time until the response, measured in Node), throwing on a non-2xx status; `call(path, init)` the
 * parsed JSON body, throwing likewise; `buildDir`; `dispose()`.
 */
export async function startWorkerd(name, entry) {
  const buildDir = join(workspace.root, "bench/results/.build", name);
  mkdirSync(buildDir, { recursive: true });
  await workspace.fromWrangler("esbuild").build({
    ...bundleOptions,
    entryPoints: [fileURLToPath(entry)],
    outfile: join(buildDir, "worker.mjs"),
    platform: "browser",
    conditions: ["development", "workerd", "worker", "import"],
    external: ["cloudflare:*", "node:*"],
  });
  const { Miniflare } = workspace.fromWrangler("miniflare");
  const mf = new Miniflare({
    modules: true,
    // The bundle is one self-contained module; passing its text avoids Miniflare's modules-root rules.
    script: readFileSync(join(buildDir, "worker.mjs"), "utf8"),
    compatibilityDate,
    compatibilityFlags: ["nodejs_compat"],
    d1Databases: ["DB"],
  });
  const fetch = (path, init) => mf.dispatchFetch(`http://bench${path}`, init);
  const request = async (path, init) => {
    const start = performance.now();
    const res = await fetch(path, init);
    const ms = performance.now() - start;
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return { res, text, ms };
  };
  return {
    buildDir,
    fetch,
    request,
    call: async (path, init) => JSON.parse((await request(path, init)).text),
    dispose: () => mf.dispose(),
  };
}
