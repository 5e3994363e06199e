#!/usr/bin/env node
// `pnpm bench d1-round-trips`: D1 calls per ctx.db operation (an instrumented executor counts every
// `all` and `batch`), each case run in one workerd process (Miniflare, local D1). Prints a table and
// writes bench/results/d1-round-trips.json; exits 1 when a count misses its target.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const fromExample = createRequire(join(root, "apps/example/package.json"));
const fromWrangler = createRequire(fromExample.resolve("wrangler"));
const fromServer = createRequire(join(root, "packages/server/package.json"));
const esbuild = fromWrangler("esbuild");
const { Miniflare } = fromWrangler("miniflare");

const out = join(root, "bench/results/.build/d1-round-trips");
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  format: "esm",
  nodePaths: [join(root, "packages/server/node_modules"), join(root, "packages/schema/node_modules")],
  logLevel: "warning",
};
await esbuild.build({
  ...common,
  entryPoints: [join(here, "worker.ts")],
  outfile: join(out, "worker.mjs"),
  platform: "browser",
  conditions: ["development", "workerd", "worker", "import"],
  external: ["cloudflare:*", "node:*"],
});
await esbuild.build({
  ...common,
  conditions: ["development"],
  entryPoints: [join(here, "ddl.ts")],
  outfile: join(out, "ddl.mjs"),
  platform: "node",
});
const { exampleDdl } = await import(pathToFileURL(join(out, "ddl.mjs")).href);
const ddl = await exampleDdl(pathToFileURL(fromServer.resolve("drizzle-kit/api")).href);

const mf = new Miniflare({
  modules: true,
  script: readFileSync(join(out, "worker.mjs"), "utf8"),
  compatibilityDate: "2026-04-01",
  compatibilityFlags: ["nodejs_compat"],
  d1Databases: ["DB"],
});

try {
  const setup = await mf.dispatchFetch("http://bench/setup", { method: "POST", body: JSON.stringify(ddl) });
  if (!setup.ok) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const { cases } = await setup.json();
  const rows = [];
  for (const c of cases) {
    const res = await mf.dispatchFetch(`http://bench/run?case=${encodeURIComponent(c.name)}`);
    const body = await res.json();
    rows.push({
      operation: c.name,
      calls: body.calls,
      target: c.target,
      ok: body.calls === c.target && !body.error,
      error: body.error,
    });
  }
  console.log(
    "d1-round-trips: D1 calls per ctx.db operation (example app schema, Miniflare/workerd, local D1)",
  );
  console.table(
    Object.fromEntries(
      rows.map((r) => [
        r.operation,
        { "D1 calls": r.calls, target: r.target, ok: r.ok ? "yes" : `NO${r.error ? ` (${r.error})` : ""}` },
      ]),
    ),
  );
  const result = {
    benchmark: "d1-round-trips",
    cases: rows,
    machine: { node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}` },
    date: new Date().toISOString(),
  };
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/d1-round-trips.json"), `${JSON.stringify(result, null, 2)}\n`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  await mf.dispose();
}
