#!/usr/bin/env node
// `pnpm bench query-overhead`: req/s of the same read (findMany + where + 2-level with + _count) through
// ctx.db vs hand-written raw `env.DB.prepare` vs Drizzle's relational query API, all in ONE workerd
// process (Miniflare), interleaved A B C A B C…, median of RUNS runs. Prints a table and writes
// bench/results/query-overhead.json.
import { join } from "node:path";
import { applyDdl } from "../support/applyDdl.mjs";
import { interleaved } from "../support/interleaved.mjs";
import { machine } from "../support/machine.mjs";
import { median } from "../support/median.mjs";
import { packageVersion } from "../support/packageVersion.mjs";
import { startWorkerd } from "../support/startWorkerd.mjs";
import { workspace } from "../support/workspace.mjs";
import { writeResult } from "../support/writeResult.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const INNER = Number(process.env.BENCH_INNER ?? 20);
const TARGET = 0.9;

const worker = await startWorkerd("query-overhead", new URL("worker.ts", import.meta.url));
const { call } = worker;

/** Requests per second of `requests` sequential requests, each running the read `n` times. */
async function measure(mode, requests, n) {
  const start = performance.now();
  for (let i = 0; i < requests; i++) await call(`/${mode}?n=${n}`);
  const seconds = (performance.now() - start) / 1000;
  return (requests * n) / seconds;
}

const MODES = ["appflare", "raw", "drizzle"];
const LABELS = {
  appflare: "ctx.db findMany",
  raw: "raw env.DB.prepare (hand-written)",
  drizzle: "Drizzle relational query",
};

/** Requests (or reads) per second of every mode, RUNS interleaved runs after one smaller warm-up each. */
const series = (requests, n) =>
  interleaved(MODES, RUNS, (mode) => measure(mode, requests, n), {
    warmUp: (mode) => measure(mode, Math.max(5, requests / 10), n),
  });

try {
  await applyDdl(worker);
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
    machine: machine(),
    versions: {
      wrangler: packageVersion(join(workspace.root, "apps/example/node_modules/wrangler")),
      drizzleOrm: packageVersion(join(workspace.root, "packages/server/node_modules/drizzle-orm")),
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
  writeResult("query-overhead", result);
  if (result.perRequest.ratioToDrizzle < TARGET) process.exitCode = 1;
} finally {
  await worker.dispose();
}
