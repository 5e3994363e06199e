#!/usr/bin/env node
// `pnpm bench http-overhead`: what a request pays for the framework around the handler. The example's
// kind of list query (GET /queries/tasks/list) and a create mutation (POST /mutations/tasks/create)
// through createWorker, against the same endpoints hand-written with Hono + Drizzle + Zod + Better Auth
// session lookup, in ONE workerd process (Miniflare, local D1), anonymous and with a bearer session,
// interleaved, median of RUNS runs. `noop` twins of both apps (args + session, no table access) give the
// per-stage breakdown. Prints tables and writes bench/results/http-overhead.json.
import { join } from "node:path";
import { applyDdl } from "../support/applyDdl.mjs";
import { interleaved } from "../support/interleaved.mjs";
import { machine } from "../support/machine.mjs";
import { median } from "../support/median.mjs";
import { packageVersion } from "../support/packageVersion.mjs";
import { startWorkerd } from "../support/startWorkerd.mjs";
import { workspace } from "../support/workspace.mjs";
import { writeResult } from "../support/writeResult.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10);
const INNER = Number(process.env.BENCH_INNER ?? 20);
const TARGET = 0.9;

const TARGETS = ["appflare", "hand", "appflare-noop", "hand-noop"];
const CASES = [
  { op: "list", auth: "anonymous" },
  { op: "list", auth: "bearer" },
  { op: "create", auth: "anonymous" },
  { op: "create", auth: "bearer" },
];

const worker = await startWorkerd("http-overhead", new URL("worker.ts", import.meta.url));
const { call } = worker;
const path = (target, { op, auth }, n) => `/run?target=${target}&op=${op}&auth=${auth}&n=${n}`;

/** Inner requests per second over `REQUESTS` outer requests of `INNER` inner requests each. */
async function measure(target, c, requests) {
  const start = performance.now();
  for (let i = 0; i < requests; i++) await call(path(target, c, INNER));
  return (requests * INNER) / ((performance.now() - start) / 1000);
}

try {
  await applyDdl(worker);
  // Every target must answer every case with a 200 (and the bearer cases must be signed in).
  for (const c of CASES) {
    for (const target of TARGETS) {
      const res = await call(path(target, c, 1));
      if (res.status !== 200)
        throw new Error(`${target} ${c.op}/${c.auth}: ${res.status} ${JSON.stringify(res.body)}`);
      const user = res.body?.user ?? res.body?.[0]?.assigneeId;
      if (target.endsWith("noop") && (c.auth === "bearer") !== (typeof user === "string")) {
        throw new Error(
          `${target} ${c.op}/${c.auth}: session not resolved as expected (${JSON.stringify(res.body)})`,
        );
      }
    }
  }

  const perCase = {};
  for (const c of CASES) {
    const rates = await interleaved(TARGETS, RUNS, (t) => measure(t, c, REQUESTS), {
      warmUp: (t) => measure(t, c, 2),
    });
    perCase[`${c.op}/${c.auth}`] = Object.fromEntries(
      TARGETS.map((t) => [t, { median: median(rates[t]), runs: rates[t] }]),
    );
  }

  const ms = (rate) => 1000 / rate;
  const rows = {};
  for (const [key, r] of Object.entries(perCase)) {
    rows[key] = {
      "appflare req/s": Math.round(r.appflare.median),
      "hand-written req/s": Math.round(r.hand.median),
      "appflare ÷ hand": Number((r.appflare.median / r.hand.median).toFixed(3)),
    };
  }
  // Per-stage cost in ms per request: the noop app anonymous (routing, args, context, JSON, errors),
  // what a bearer session adds (noop bearer − noop anonymous), and the handler's data work (full − noop).
  const stages = {};
  for (const op of ["list", "create"]) {
    for (const side of ["appflare", "hand"]) {
      const anon = perCase[`${op}/anonymous`];
      const bearer = perCase[`${op}/bearer`];
      stages[`${op} · ${side}`] = {
        "framework (noop, anon) ms": Number(ms(anon[`${side}-noop`].median).toFixed(3)),
        "+ session lookup ms": Number(
          (ms(bearer[`${side}-noop`].median) - ms(anon[`${side}-noop`].median)).toFixed(3),
        ),
        "+ args→db→JSON ms": Number((ms(anon[side].median) - ms(anon[`${side}-noop`].median)).toFixed(3)),
        "total (bearer) ms": Number(ms(bearer[side].median).toFixed(3)),
      };
    }
  }
  const worst = Math.min(...Object.values(rows).map((r) => r["appflare ÷ hand"]));
  const result = {
    benchmark: "http-overhead",
    runs: RUNS,
    requestsPerRun: REQUESTS * INNER,
    perCase,
    ratios: rows,
    stages,
    worstRatio: worst,
    target: { ratioToHandWritten: TARGET },
    machine: machine(),
    versions: {
      wrangler: packageVersion(join(workspace.root, "apps/example/node_modules/wrangler")),
      hono: packageVersion(join(workspace.root, "packages/server/node_modules/hono")),
      betterAuth: packageVersion(join(workspace.root, "packages/server/node_modules/better-auth")),
      drizzleOrm: packageVersion(join(workspace.root, "packages/server/node_modules/drizzle-orm")),
    },
    date: new Date().toISOString(),
  };
  console.log(
    `http-overhead: median of ${RUNS} interleaved runs × ${REQUESTS * INNER} requests per target, one workerd (Miniflare, local D1); ${result.machine.cpu} ×${result.machine.cpus}, node ${process.version}`,
  );
  console.log(
    "\nrequests/s, Appflare (createWorker) vs the same endpoints hand-written (Hono + Drizzle + Zod + Better Auth)",
  );
  console.table(rows);
  console.log(
    "\nper-stage cost, ms per request (from the noop twins; differences of medians, so small values are noisy)",
  );
  console.table(stages);
  console.log(`\nworst appflare ÷ hand-written: ${worst} (target ≥ ${TARGET})`);
  writeResult("http-overhead", result);
  if (worst < TARGET) process.exitCode = 1;
} finally {
  await worker.dispose();
}
