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
// Browsers always offer permessage-deflate; `ws` without it shows what compression costs on this stack.
const modes = (process.env.BENCH_WS_MODES ?? "deflate,no-deflate").split(",");
// "proxy": wrangler dev's URL; "direct": the app's own workerd behind it (see appWorkerdUrl.ts).
const routes = (process.env.BENCH_ROUTES ?? "proxy,direct").split(",");
// wrangler's proxy holds ~6 descriptors per socket: past this it stalls on a 20,000-descriptor host.
const PROXY_MAX_SOCKETS = 3000;
const tsx = join(workspace.root, "node_modules/.bin/tsx");

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? null
    : Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
};

const rows = {};
const results = [];
for (const count of counts)
  for (const route of routes)
    for (const mode of modes) {
      if (route === "proxy" && count > PROXY_MAX_SOCKETS) {
        rows[`${count} sockets, ${route}, ${mode}`] = {
          error: `skipped: wrangler's proxy runs out of file descriptors near 3,300 sockets`,
        };
        continue;
      }
      measure(count, mode, route);
    }

function measure(count, mode, route) {
  const label = `${count} sockets, ${route}, ${mode}`;
  const r = spawnSync(
    tsx,
    [
      "--conditions=development",
      join(import.meta.dirname, "fanout.ts"),
      String(count),
      String(mutations),
      mode,
      route,
    ],
    {
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=2048" },
    },
  );
  if (r.status !== 0) {
    console.error(`fanout with ${label} failed:\n${r.stderr}`);
    rows[label] = { error: "failed (see stderr)" };
    process.exitCode = 1;
    return;
  }
  const out = JSON.parse(r.stdout.trim().split("\n").at(-1));
  const expected = count * mutations;
  results.push({
    sockets: count,
    route,
    mode,
    mutations,
    received: out.received,
    expected,
    fromResponse: out.fromResponse.length,
    fromRequest: out.fromRequest.length,
    cpuPerMutation: out.cpuPerMutation,
  });
  rows[label] = {
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
