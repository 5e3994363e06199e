#!/usr/bin/env node
// `pnpm bench bulk-insert`: rows/s inserting 10k rows via ctx.db insert vs raw Drizzle batch of the
// same chunks, in one workerd process (Miniflare), interleaved A B A B…, median of RUNS runs each.
// Prints a table and writes bench/results/bulk-insert.json.
import { join } from "node:path";
import { applyDdl } from "../support/applyDdl.mjs";
import { interleaved } from "../support/interleaved.mjs";
import { machine } from "../support/machine.mjs";
import { median } from "../support/median.mjs";
import { packageVersion } from "../support/packageVersion.mjs";
import { startWorkerd } from "../support/startWorkerd.mjs";
import { workspace } from "../support/workspace.mjs";
import { writeResult } from "../support/writeResult.mjs";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const worker = await startWorkerd("bulk-insert", new URL("worker.ts", import.meta.url));

/** Wall time (ms) of inserting ROWS rows through `mode` into the emptied table, checked stored. */
async function timed(mode, run) {
  await worker.call("/clear");
  const start = performance.now();
  const body = await worker.call(`/${mode}?rows=${ROWS}&run=${run}`);
  const ms = performance.now() - start;
  if (body.inserted !== ROWS || body.stored !== ROWS)
    throw new Error(`${mode}: inserted ${JSON.stringify(body)}`);
  return ms;
}

try {
  await applyDdl(worker);
  // One warm-up per mode (JIT, D1 file growth), not measured.
  const times = await interleaved(
    ["appflare", "drizzle", "raw"],
    RUNS,
    (mode, i) => timed(mode, `${mode}-${i}`),
    {
      warmUp: (mode) => timed(mode, `warm-${mode}`),
    },
  );
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
    machine: machine(),
    versions: {
      wrangler: workspace.fromExample("wrangler/package.json").version,
      drizzleOrm: packageVersion(join(workspace.root, "packages/server/node_modules/drizzle-orm")),
    },
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
  writeResult("bulk-insert", result);
  if (result.ratio < result.target) process.exitCode = 1;
} finally {
  await worker.dispose();
}
