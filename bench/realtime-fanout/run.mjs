#!/usr/bin/env node
// `pnpm bench realtime-fanout`: mutation commit → update received on every socket, p50/p99, with
// BENCH_SOCKETS (default "1000,5000") multiplexed sockets on `wrangler dev` (the realtime-do test app,
// 2 shards), all subscribed to one query; BENCH_MUTATIONS (20) mutations each. The body runs under tsx
// (fanout.ts) because it reuses the TypeScript wrangler-dev starter of @appflare/realtime-do's tests.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { machine } from "../support/machine.mjs";
import { workspace } from "../support/workspace.mjs";
import { writeResult } from "../support/writeResult.mjs";

const counts = (process.env.BENCH_SOCKETS ?? "1000,5000").split(",").map(Number);
const mutations = Number(process.env.BENCH_MUTATIONS ?? 20);
const tsx = join(workspace.root, "node_modules/.bin/tsx");

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? null
    : Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
};

const rows = {};
const results = [];
for (const count of counts) {
  const r = spawnSync(
    tsx,
    ["--conditions=development", join(import.meta.dirname, "fanout.ts"), String(count), String(mutations)],
    {
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=2048" },
    },
  );
  if (r.status !== 0) {
    console.error(`fanout with ${count} sockets failed:\n${r.stderr}`);
    rows[`${count} sockets`] = { error: "failed (see stderr)" };
    process.exitCode = 1;
    continue;
  }
  const out = JSON.parse(r.stdout.trim().split("\n").at(-1));
  const expected = count * mutations;
  results.push({
    sockets: count,
    mutations,
    received: out.received,
    expected,
    fromResponse: out.fromResponse.length,
    fromRequest: out.fromRequest.length,
    cpuPerMutation: out.cpuPerMutation,
  });
  rows[`${count} sockets`] = {
    "p50 ms (commit→recv)": pct(out.fromResponse, 50),
    "p99 ms (commit→recv)": pct(out.fromResponse, 99),
    "p50 ms (request→recv)": pct(out.fromRequest, 50),
    "p99 ms (request→recv)": pct(out.fromRequest, 99),
    "first socket p50 ms": pct(out.first, 50),
    "last socket p50 ms": pct(out.last, 50),
    "updates received": `${out.received}/${expected}`,
    "CPU ms/mutation (workerd · client)": `${(out.cpuPerMutation?.workerd ?? 0).toFixed(1)} · ${(out.cpuPerMutation?.client ?? 0).toFixed(1)}`,
  };
  results.at(-1).p = {
    commit: { p50: pct(out.fromResponse, 50), p99: pct(out.fromResponse, 99) },
    request: { p50: pct(out.fromRequest, 50), p99: pct(out.fromRequest, 99) },
  };
}
console.log(
  `realtime-fanout: mutation → update received on every socket (wrangler dev, 2 shards, ${mutations} mutations)`,
);
console.table(rows);
writeResult("realtime-fanout", {
  benchmark: "realtime-fanout",
  results,
  machine: machine(),
  date: new Date().toISOString(),
});
