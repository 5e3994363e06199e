#!/usr/bin/env node
// `pnpm bench query-overhead`: req/s of the same read (findMany + where + 2-level with + _count) through
// ctx.db vs hand-written raw `env.DB.prepare` vs Drizzle's relational query API, all in ONE workerd
// process (Miniflare), interleaved A B C A B C…, median of RUNS runs. Prints a table and writes
// bench/results/query-overhead.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const INNER = Number(process.env.BENCH_INNER ?? 20);
const TARGET = 0.9;

const fromExample = createRequire(join(root, "apps/example/package.json"));
const fromWrangler = createRequire(fromExample.resolve("wrangler"));
const fromServer = createRequire(join(root, "packages/server/package.json"));
const esbuild = fromWrangler("esbuild");
const { Miniflare } = fromWrangler("miniflare");
// Read package.json files directly: drizzle-orm does not export its package.json.
const version = (dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;

const out = join(root, "bench/results/.build/query-overhead");
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

async function call(path, init) {
  const res = await mf.dispatchFetch(`http://bench${path}`, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** Requests per second of `requests` sequential requests, each running the read `n` times. */
async function measure(mode, requests, n) {
  const start = performance.now();
  for (let i = 0; i < requests; i++) await call(`/${mode}?n=${n}`);
  const seconds = (performance.now() - start) / 1000;
  return (requests * n) / seconds;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const MODES = ["appflare", "raw", "drizzle"];
const LABELS = {
  appflare: "ctx.db findMany",
  raw: "raw env.DB.prepare (hand-written)",
  drizzle: "Drizzle relational query",
};

async function series(requests, n) {
  const rates = Object.fromEntries(MODES.map((m) => [m, []]));
  for (const mode of MODES) await measure(mode, Math.max(5, requests / 10), n); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const order = MODES.map((_, j) => MODES[(i + j) % MODES.length]);
    for (const mode of order) rates[mode].push(await measure(mode, requests, n));
  }
  return rates;
}

try {
  await call("/setup", { method: "POST", body: JSON.stringify(ddl) });
  // Same result shape from every mode: 20 projects, their open tasks, labels and counts.
  const results = Object.fromEntries(await Promise.all(MODES.map(async (m) => [m, await call(`/${m}`)])));
  const shape = (rows) => ({
    projects: rows.length,
    tasks: rows.reduce((n, p) => n + p.tasks.length, 0),
    labels: rows.reduce((n, p) => n + p.tasks.reduce((k, t) => k + t.labels.length, 0), 0),
  });
  for (const m of MODES) {
    if (JSON.stringify(shape(results[m])) !== JSON.stringify(shape(results.appflare))) {
      throw new Error(
        `${m} returned ${JSON.stringify(shape(results[m]))}, ctx.db ${JSON.stringify(shape(results.appflare))}`,
      );
    }
  }

  const perRequest = await series(REQUESTS, 1);
  const inWorker = await series(Math.max(10, Math.round(REQUESTS / INNER)), INNER);
  const summarize = (rates) => {
    const med = Object.fromEntries(MODES.map((m) => [m, median(rates[m])]));
    return {
      medianPerSecond: Object.fromEntries(MODES.map((m) => [m, Math.round(med[m])])),
      ratioToDrizzle: Number((med.appflare / med.drizzle).toFixed(3)),
      ratioToRaw: Number((med.appflare / med.raw).toFixed(3)),
      runs: rates,
    };
  };
  const result = {
    benchmark: "query-overhead",
    query:
      'projects.findMany({ where: { status: "active" }, with: { tasks: { where: { done: false }, with: { labels: true }, _count: true } }, limit: 20 })',
    data: {
      projects: 30,
      activeProjects: 20,
      tasksPerProject: 8,
      labelsPerTask: 2,
      resultShape: shape(results.appflare),
    },
    runs: RUNS,
    perRequest: { requestsPerRun: REQUESTS, ...summarize(perRequest) },
    inWorker: { readsPerRequest: INNER, ...summarize(inWorker) },
    target: { ratioToDrizzle: TARGET },
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      platform: `${os.platform()} ${os.arch()}`,
    },
    versions: {
      wrangler: version(join(root, "apps/example/node_modules/wrangler")),
      drizzleOrm: version(join(root, "packages/server/node_modules/drizzle-orm")),
    },
    date: new Date().toISOString(),
  };
  console.log(`query-overhead: ${result.query}`);
  console.log(
    `median of ${RUNS} interleaved runs in one workerd process (Miniflare, local D1); ${result.machine.cpu} ×${result.machine.cpus}, node ${process.version}`,
  );
  const table = (s, unit) =>
    Object.fromEntries(
      MODES.map((m) => [
        LABELS[m],
        {
          [unit]: s.medianPerSecond[m],
          "ctx.db ÷ this": Number((s.medianPerSecond.appflare / s.medianPerSecond[m]).toFixed(3)),
        },
      ]),
    );
  console.log(`\none read per request (${REQUESTS} sequential requests per run): requests/s`);
  console.table(table(result.perRequest, "req/s"));
  console.log(`\n${INNER} reads per request (library overhead without HTTP): reads/s`);
  console.table(table(result.inWorker, "reads/s"));
  console.log(
    `\nctx.db ÷ Drizzle: ${result.perRequest.ratioToDrizzle} per request, ${result.inWorker.ratioToDrizzle} in-worker (target ≥ ${TARGET})`,
  );
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/query-overhead.json"), `${JSON.stringify(result, null, 2)}\n`);
  if (result.perRequest.ratioToDrizzle < TARGET) process.exitCode = 1;
} finally {
  await mf.dispose();
}
