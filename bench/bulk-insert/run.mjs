#!/usr/bin/env node
// `pnpm bench bulk-insert`: rows/s inserting 10k rows via ctx.db insert vs raw Drizzle batch of the
// same chunks, in one workerd process (Miniflare), interleaved A B A B…, median of RUNS runs each.
// Prints a table and writes bench/results/bulk-insert.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

// Tools come from the workspace: wrangler (and its esbuild and Miniflare) from the example app,
// drizzle-orm / drizzle-kit from the server package.
const fromExample = createRequire(join(root, "apps/example/package.json"));
const fromWrangler = createRequire(fromExample.resolve("wrangler"));
const fromServer = createRequire(join(root, "packages/server/package.json"));
const esbuild = fromWrangler("esbuild");
const { Miniflare } = fromWrangler("miniflare");
const wranglerVersion = fromExample("wrangler/package.json").version;
const drizzleVersion = JSON.parse(
  readFileSync(join(root, "packages/server/node_modules/drizzle-orm/package.json"), "utf8"),
).version;

// Build output goes under bench/results/ (git-ignored).
const out = join(root, "bench/results/.build/bulk-insert");
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  format: "esm",
  conditions: ["development"],
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
  entryPoints: [join(here, "ddl.ts")],
  outfile: join(out, "ddl.mjs"),
  platform: "node",
});
const { exampleDdl } = await import(pathToFileURL(join(out, "ddl.mjs")).href);
const ddl = await exampleDdl(pathToFileURL(fromServer.resolve("drizzle-kit/api")).href);

const mf = new Miniflare({
  modules: true,
  // The bundle is one self-contained module; passing its text avoids Miniflare's modules-root rules.
  script: readFileSync(join(out, "worker.mjs"), "utf8"),
  compatibilityDate: "2026-04-01",
  compatibilityFlags: ["nodejs_compat"],
  d1Databases: ["DB"],
});
async function call(path, init) {
  const res = await mf.dispatchFetch(`http://bench${path}`, init);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function timed(mode, run) {
  await call("/clear");
  const start = performance.now();
  const body = await call(`/${mode}?rows=${ROWS}&run=${run}`);
  const ms = performance.now() - start;
  if (body.inserted !== ROWS || body.stored !== ROWS)
    throw new Error(`${mode}: inserted ${JSON.stringify(body)}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  await call("/setup", { method: "POST", body: JSON.stringify(ddl) });
  // Warm-up (JIT, D1 file growth), not measured.
  const modes = ["appflare", "drizzle", "raw"];
  for (const mode of modes) await timed(mode, `warm-${mode}`);
  const times = { appflare: [], drizzle: [], raw: [] };
  for (let i = 0; i < RUNS; i++) {
    // Rotate which goes first, so none always runs on a warmer process.
    const order = modes.map((_, j) => modes[(i + j) % modes.length]);
    for (const mode of order) times[mode].push(await timed(mode, `${mode}-${i}`));
  }
  const rate = (ms) => Math.round(ROWS / (ms / 1000));
  const result = {
    benchmark: "bulk-insert",
    rows: ROWS,
    runs: RUNS,
    medianMs: { appflare: median(times.appflare), drizzle: median(times.drizzle), raw: median(times.raw) },
    rowsPerSecond: {
      appflare: rate(median(times.appflare)),
      drizzle: rate(median(times.drizzle)),
      raw: rate(median(times.raw)),
    },
    // The target: ctx.db rows/s over raw Drizzle's. `ratioToRawD1` is for information (the floor).
    ratio: Number((median(times.drizzle) / median(times.appflare)).toFixed(3)),
    ratioToRawD1: Number((median(times.raw) / median(times.appflare)).toFixed(3)),
    target: 0.85,
    timesMs: times,
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      platform: `${os.platform()} ${os.arch()}`,
    },
    versions: { wrangler: wranglerVersion, drizzleOrm: drizzleVersion },
    date: new Date().toISOString(),
  };
  console.log(
    `bulk-insert: ${ROWS} rows into tasks, median of ${RUNS} interleaved runs (Miniflare/workerd, local D1)`,
  );
  console.table({
    "ctx.db insert": {
      "median ms": result.medianMs.appflare.toFixed(1),
      "rows/s": result.rowsPerSecond.appflare,
    },
    "Drizzle batch (baseline)": {
      "median ms": result.medianMs.drizzle.toFixed(1),
      "rows/s": result.rowsPerSecond.drizzle,
    },
    "raw env.DB.batch (floor)": {
      "median ms": result.medianMs.raw.toFixed(1),
      "rows/s": result.rowsPerSecond.raw,
    },
  });
  console.log(`ratio ctx.db / Drizzle (rows/s): ${result.ratio} (target ≥ ${result.target})`);
  console.log(`ratio ctx.db / raw D1 (rows/s): ${result.ratioToRawD1}`);
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/bulk-insert.json"), `${JSON.stringify(result, null, 2)}\n`);
  if (result.ratio < result.target) process.exitCode = 1;
} finally {
  await mf.dispose();
}
