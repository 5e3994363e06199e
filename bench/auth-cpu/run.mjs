#!/usr/bin/env node
// `pnpm bench auth-cpu`: time per sign-up and sign-in in workerd (Miniflare) with Better Auth's
// default password hash (scrypt) vs a cheap custom hash (PBKDF2-SHA-256 via WebCrypto), interleaved
// A B C A B C…, median of RUNS runs each. Prints a table and writes bench/results/auth-cpu.json.
//
// Why wall time: inside workerd, Date.now()/performance.now() stand still while code runs (they only
// advance on I/O), so CPU cannot be timed from inside the Worker. The Node side times each local
// request instead; D1 is a local SQLite file, so the non-hash part is small and is shown separately
// (a get-session request: same D1 reads, no hash). "hash only" runs N hashes in one request: pure CPU.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HASHES = Number(process.env.BENCH_HASHES ?? 5);
const BUILDS = Number(process.env.BENCH_BUILDS ?? 10);
const MODES = ["scrypt", "pbkdf2-25k", "pbkdf2-100k"];
const FREE_PLAN_CPU_MS = 10;

// Tools from the workspace: wrangler (its esbuild and Miniflare) from the example app; Better Auth,
// drizzle from the server package.
const fromExample = createRequire(join(root, "apps/example/package.json"));
const fromWrangler = createRequire(fromExample.resolve("wrangler"));
const fromServer = createRequire(join(root, "packages/server/package.json"));
const esbuild = fromWrangler("esbuild");
const { Miniflare } = fromWrangler("miniflare");
const versionOf = (path) => JSON.parse(readFileSync(path, "utf8")).version;
const versions = {
  wrangler: fromExample("wrangler/package.json").version,
  miniflare: fromWrangler("miniflare/package.json").version,
  betterAuth: versionOf(join(root, "packages/server/node_modules/better-auth/package.json")),
};

const out = join(os.tmpdir(), "appflare-bench-auth-cpu");
mkdirSync(out, { recursive: true });
const nodePaths = [join(root, "packages/server/node_modules"), join(root, "packages/schema/node_modules")];
await esbuild.build({
  entryPoints: [join(here, "worker.ts")],
  outfile: join(out, "worker.mjs"),
  bundle: true,
  format: "esm",
  platform: "browser",
  // "workerd" picks @better-auth/utils' node:crypto scrypt, as `wrangler deploy` does.
  conditions: ["development", "workerd", "worker", "import"],
  external: ["cloudflare:*", "node:*"],
  nodePaths,
  logLevel: "warning",
});
await esbuild.build({
  entryPoints: [join(here, "ddl.ts")],
  outfile: join(out, "ddl.mjs"),
  bundle: true,
  format: "esm",
  platform: "node",
  conditions: ["development"],
  nodePaths,
  logLevel: "warning",
});
const { exampleDdl } = await import(pathToFileURL(join(out, "ddl.mjs")).href);
const ddl = await exampleDdl(pathToFileURL(fromServer.resolve("drizzle-kit/api")).href);

const mf = new Miniflare({
  modules: true,
  scriptPath: join(out, "worker.mjs"),
  modulesRoot: out,
  compatibilityDate: "2026-04-01",
  compatibilityFlags: ["nodejs_compat"],
  d1Databases: ["DB"],
});

async function call(path, init) {
  const start = performance.now();
  const res = await mf.dispatchFetch(`http://bench${path}`, init);
  const ms = performance.now() - start;
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return { ms, res, text };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
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
  await call("/setup", { method: "POST", body: JSON.stringify(ddl) });
  // Warm-up (JIT, first instance per mode, D1 file growth), not measured.
  for (const mode of MODES) for (let i = 0; i < 2; i++) await cycle(mode);

  const times = Object.fromEntries(
    MODES.map((m) => [m, { signUp: [], signIn: [], session: [], hash: [], noop: [] }]),
  );
  const builds = [];
  for (let run = 0; run < RUNS; run++) {
    // Rotate the order each run so no mode always runs on a warmer process.
    const order = MODES.map((_, i) => MODES[(i + run) % MODES.length]);
    for (const mode of order) {
      const t = await cycle(mode);
      times[mode].signUp.push(t.signUp);
      times[mode].signIn.push(t.signIn);
      times[mode].session.push(t.session);
      const noop = (await call(`/noop?mode=${mode}`)).ms;
      times[mode].noop.push(noop);
      times[mode].hash.push(((await call(`/hash?mode=${mode}&n=${HASHES}`)).ms - noop) / HASHES);
    }
    const noop = (await call("/noop")).ms;
    builds.push(((await call(`/build?n=${BUILDS}`)).ms - noop) / BUILDS);
  }

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
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      platform: `${os.platform()} ${os.arch()}`,
    },
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
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/auth-cpu.json"), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await mf.dispose();
}
