#!/usr/bin/env node
// `pnpm bench auth-cpu`: time per sign-up and sign-in in workerd (Miniflare) with Better Auth's
// default password hash (scrypt) vs a cheap custom hash (PBKDF2-SHA-256 via WebCrypto), interleaved
// A B C A B C…, median of RUNS runs each. Prints a table and writes bench/results/auth-cpu.json.
//
// Why wall time: inside workerd, Date.now()/performance.now() stand still while code runs (they only
// advance on I/O), so CPU cannot be timed from inside the Worker. The Node side times each local
// request instead; D1 is a local SQLite file, so the non-hash part is small and is shown separately
// (a get-session request: same D1 reads, no hash). "hash only" runs N hashes in one request: pure CPU.
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
const HASHES = Number(process.env.BENCH_HASHES ?? 5);
const BUILDS = Number(process.env.BENCH_BUILDS ?? 10);
const MODES = ["scrypt", "pbkdf2-25k", "pbkdf2-100k"];
const FREE_PLAN_CPU_MS = 10;

const versions = {
  wrangler: workspace.fromExample("wrangler/package.json").version,
  miniflare: workspace.fromWrangler("miniflare/package.json").version,
  betterAuth: packageVersion(join(workspace.root, "packages/server/node_modules/better-auth")),
};

const worker = await startWorkerd("auth-cpu", new URL("worker.ts", import.meta.url));
/** `{ res, text, ms }` of one request, ms timed in Node up to the response. */
const call = worker.request;
const round = (x) => Math.round(x * 10) / 10;

let seq = 0;
async function cycle(mode) {
  const email = encodeURIComponent(`${mode}-${seq++}@bench.test`);
  const signUp = await call(`/sign-up?mode=${mode}&email=${email}`, { method: "POST" });
  const signIn = await call(`/sign-in?mode=${mode}&email=${email}`, { method: "POST" });
  const token = signIn.res.headers.get("set-auth-token");
  if (!token) throw new Error(`${mode}: sign-in returned no token`);
  const session = await call(`/session?mode=${mode}&token=${encodeURIComponent(token)}`);
  if (!JSON.parse(session.text).ok) throw new Error(`${mode}: the token did not resolve a session`);
  return { signUp: signUp.ms, signIn: signIn.ms, session: session.ms };
}

try {
  await applyDdl(worker);
  const builds = [];
  const samples = await interleaved(
    MODES,
    RUNS,
    async (mode) => {
      const t = await cycle(mode);
      const noop = (await call(`/noop?mode=${mode}`)).ms;
      const hash = ((await call(`/hash?mode=${mode}&n=${HASHES}`)).ms - noop) / HASHES;
      return { ...t, hash, noop };
    },
    {
      // Warm-up (JIT, first instance per mode, D1 file growth), not measured.
      warmUp: async (mode) => {
        for (let i = 0; i < 2; i++) await cycle(mode);
      },
      afterRun: async () => {
        const noop = (await call("/noop")).ms;
        builds.push(((await call(`/build?n=${BUILDS}`)).ms - noop) / BUILDS);
      },
    },
  );
  const KEYS = ["signUp", "signIn", "session", "hash", "noop"];
  const times = Object.fromEntries(
    MODES.map((m) => [m, Object.fromEntries(KEYS.map((k) => [k, samples[m].map((s) => s[k])]))]),
  );

  const medians = Object.fromEntries(
    MODES.map((mode) => {
      const m = Object.fromEntries(Object.entries(times[mode]).map(([k, xs]) => [k, round(median(xs))]));
      return [
        mode,
        {
          ...m,
          // Estimated CPU of the hash work inside each operation: the operation minus the no-hash baseline.
          signUpMinusSession: round(m.signUp - m.session),
          signInMinusSession: round(m.signIn - m.session),
        },
      ];
    }),
  );
  const ratio = (mode, key) => Number((medians.scrypt[key] / medians[mode][key]).toFixed(2));
  const result = {
    benchmark: "auth-cpu",
    runs: RUNS,
    unit: "ms (wall time of one local request measured from Node; medians)",
    medians,
    ratiosDefaultOverCustom: Object.fromEntries(
      MODES.filter((m) => m !== "scrypt").map((mode) => [
        mode,
        { signUp: ratio(mode, "signUp"), signIn: ratio(mode, "signIn"), hash: ratio(mode, "hash") },
      ]),
    ),
    instanceBuildMs: round(median(builds)),
    freePlanCpuMs: FREE_PLAN_CPU_MS,
    times: { ...times, builds },
    machine: machine(),
    versions,
    date: new Date().toISOString(),
  };

  console.log(
    `auth-cpu: Better Auth ${versions.betterAuth} in workerd (Miniflare ${versions.miniflare}), median of ${RUNS} interleaved runs, ms`,
  );
  console.table(
    Object.fromEntries(
      MODES.map((mode) => {
        const m = medians[mode];
        return [
          mode,
          {
            "sign-up": m.signUp,
            "sign-in": m.signIn,
            "get-session (no hash)": m.session,
            "sign-in − get-session": m.signInMinusSession,
            "hash only": m.hash,
            [`hash ≤ ${FREE_PLAN_CPU_MS} ms`]: m.hash <= FREE_PLAN_CPU_MS ? "yes" : "no",
          },
        ];
      }),
    ),
  );
  for (const [mode, r] of Object.entries(result.ratiosDefaultOverCustom)) {
    console.log(`scrypt / ${mode}: sign-up ${r.signUp}×, sign-in ${r.signIn}×, hash ${r.hash}×`);
  }
  console.log(
    `building a Better Auth instance + its context: ${result.instanceBuildMs} ms (cached per env in Appflare)`,
  );
  writeResult("auth-cpu", result);
} finally {
  await worker.dispose();
}
