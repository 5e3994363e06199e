#!/usr/bin/env node
// `pnpm bench realtime-precision`: re-executions per mutation on a mixed workload of 1,000
// subscriptions (example schema, Miniflare/workerd, local D1): Appflare's read-set matcher against
// (a) the ideal (subscriptions whose result changed) and (b) appflare 0.2's overlap rule.
// Knobs: BENCH_SUBS (1000), BENCH_MUTATIONS (60), BENCH_PROJECTS (40). Exits 1 on a missed update or a
// ratio above 1.2× ideal.
import { applyDdl } from "../support/applyDdl.mjs";
import { machine } from "../support/machine.mjs";
import { startWorkerd } from "../support/startWorkerd.mjs";
import { writeResult } from "../support/writeResult.mjs";

const subs = Number(process.env.BENCH_SUBS ?? 1000);
const mutations = Number(process.env.BENCH_MUTATIONS ?? 60);
const projects = Number(process.env.BENCH_PROJECTS ?? 40);

const worker = await startWorkerd("realtime-precision", new URL("worker.ts", import.meta.url));
try {
  // applyDdl POSTs to /setup; the project count rides on the query string.
  const setup = { ...worker, call: (path, init) => worker.call(`${path}?projects=${projects}`, init) };
  await applyDdl(setup);
  const { keys } = await worker.call(`/subscribe?count=${subs}`);
  const totals = { ideal: 0, ours: 0, overlap: 0, missed: 0, overlapMissed: 0 };
  const byWrite = {};
  for (let i = 0; i < mutations; i++) {
    const step = await worker.call("/step");
    for (const k of Object.keys(totals)) totals[k] += step[k];
    byWrite[step.write] ??= { writes: 0, ideal: 0, ours: 0, overlap: 0 };
    const w = byWrite[step.write];
    w.writes++;
    w.ideal += step.ideal;
    w.ours += step.ours;
    w.overlap += step.overlap;
  }
  const per = (n) => Number((n / mutations).toFixed(2));
  const ratio = (n) => (totals.ideal === 0 ? null : Number((n / totals.ideal).toFixed(3)));
  console.log(
    `realtime-precision: query re-executions per mutation, ${subs} subscriptions (${keys} distinct keys, one run each), ${mutations} random ctx.db writes`,
  );
  console.table({
    "ideal (result changed)": { "re-runs / mutation": per(totals.ideal), "× ideal": 1, missed: 0 },
    "appflare read sets": {
      "re-runs / mutation": per(totals.ours),
      "× ideal": ratio(totals.ours),
      missed: totals.missed,
    },
    "appflare 0.2 overlap rule": {
      "re-runs / mutation": per(totals.overlap),
      "× ideal": ratio(totals.overlap),
      missed: totals.overlapMissed,
    },
  });
  console.log("by write kind (re-runs per write):");
  console.table(
    Object.fromEntries(
      Object.entries(byWrite).map(([k, v]) => [
        k,
        {
          writes: v.writes,
          ideal: per(v.ideal * (mutations / v.writes)),
          appflare: per(v.ours * (mutations / v.writes)),
          0.2: per(v.overlap * (mutations / v.writes)),
        },
      ]),
    ),
  );
  writeResult("realtime-precision", {
    benchmark: "realtime-precision",
    subscriptions: subs,
    keys,
    mutations,
    totals,
    perMutation: { ideal: per(totals.ideal), appflare: per(totals.ours), overlap02: per(totals.overlap) },
    ratioToIdeal: { appflare: ratio(totals.ours), overlap02: ratio(totals.overlap) },
    byWrite,
    machine: machine(),
    date: new Date().toISOString(),
  });
  if (totals.missed > 0 || (ratio(totals.ours) ?? 0) > 1.2) process.exitCode = 1;
} finally {
  await worker.dispose();
}
