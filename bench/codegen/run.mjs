#!/usr/bin/env node
// `pnpm bench codegen`: `appflare build` on a synthetic app of 100 tables / 500 handlers, and the
// regeneration time of `appflare dev` after a one-file change. Prints a table and writes
// bench/results/codegen.json. Targets (quality.md): build < 5 s, watch regenerate < 300 ms.
import { spawn, spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { handlerSource, writeSyntheticProject } from "./syntheticProject.mjs";

const TABLES = 100;
const PER_TABLE = 5;
const RUNS = 5;
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const codegen = join(repo, "packages", "codegen");
const require = createRequire(join(codegen, "package.json"));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x);

/** The CLI bundled from the current sources (no stale dist), packages external. */
async function bundleCli() {
  const esbuild = require("esbuild");
  const out = join(codegen, "node_modules", ".cache", "appflare-bench", "cli.mjs");
  await esbuild.build({
    entryPoints: [join(codegen, "src", "cli.ts")],
    outfile: out,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  return out;
}

/** An app folder whose node_modules link to the workspace packages and the pinned tools. */
function makeApp() {
  const dir = mkdtempSync(join(tmpdir(), "appflare-bench-codegen-"));
  const nm = join(dir, "node_modules");
  mkdirSync(join(nm, "@appflare"), { recursive: true });
  mkdirSync(join(nm, "@cloudflare"), { recursive: true });
  symlinkSync(join(repo, "packages", "server"), join(nm, "@appflare", "server"));
  symlinkSync(join(repo, "packages", "schema"), join(nm, "@appflare", "schema"));
  for (const pkg of [
    "zod",
    "drizzle-orm",
    "typescript",
    "wrangler",
    "drizzle-kit",
    "@cloudflare/workers-types",
  ]) {
    symlinkSync(realpathSync(join(codegen, "node_modules", pkg)), join(nm, pkg));
  }
  writeSyntheticProject(dir, { tables: TABLES, perTable: PER_TABLE });
  return dir;
}

function runBuild(cli, dir, args) {
  for (const p of ["_generated", "wrangler.json", join("node_modules", ".cache", "appflare")]) {
    rmSync(join(dir, p), { recursive: true, force: true });
  }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, "build", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`appflare build failed:\n${r.stdout}\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** `appflare dev --no-wrangler`, with a way to wait for output lines. */
function startDev(cli, dir) {
  const child = spawn(process.execPath, [cli, "dev", "--no-wrangler"], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const waiters = new Set();
  const onData = (c) => {
    text += c.toString();
    for (const w of waiters) w();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const waitFor = (pattern, from, timeoutMs = 120_000) =>
    new Promise((resolvePromise, reject) => {
      const check = () => {
        const m = pattern.exec(text.slice(from));
        if (m) {
          waiters.delete(check);
          clearTimeout(timer);
          resolvePromise(m);
        }
      };
      const timer = setTimeout(
        () => reject(new Error(`timeout waiting for ${pattern}:\n${text}`)),
        timeoutMs,
      );
      waiters.add(check);
      check();
    });
  return { child, waitFor, length: () => text.length };
}

const parseMs = (s) => (s.endsWith(" s") ? Number.parseFloat(s) * 1000 : Number.parseFloat(s));

/**
 * Edits a file `RUNS + 2` times (the first 2 warm up), returning regenerate (printed) and wall times.
 * `settle` is awaited after each change (a schema change starts a migration: the next edit waits for it,
 * so each run measures one change on an otherwise idle session).
 */
async function measureChange(dev, label, edit, file, settle) {
  const regen = [];
  const wall = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const from = dev.length();
    const t0 = performance.now();
    edit(i);
    const m = await dev.waitFor(
      new RegExp(` {2}change {5}${file.replaceAll(".", "\\.")} → .*?(\\d+(?:\\.\\d+)? m?s)\\n`),
      from,
    );
    const t1 = performance.now();
    if (i >= 2) {
      regen.push(parseMs(m[1]));
      wall.push(t1 - t0);
    }
    if (settle) await dev.waitFor(settle, from);
    await new Promise((r) => setTimeout(r, 150));
  }
  return { label, regenerateMs: regen.map(round), wallMs: wall.map(round) };
}

const cli = await bundleCli();
const dir = makeApp();
console.log(`synthetic app: ${TABLES} tables, ${TABLES * PER_TABLE} handlers in ${dir}`);
try {
  const builds = [];
  for (let i = 0; i < RUNS; i++) builds.push(runBuild(cli, dir, ["--no-typecheck"]).ms);
  const typed = [];
  for (let i = 0; i < 3; i++) typed.push(runBuild(cli, dir, []).ms);
  const steps = runBuild(cli, dir, ["--no-typecheck"]).stdout;

  const dev = startDev(cli, dir);
  await dev.waitFor(/ready; watching for changes/, 0, 300_000);
  const target = join(dir, "src", "t050.ts");
  const changes = [];
  changes.push(
    await measureChange(
      dev,
      "edit a handler body (no generated file changes)",
      (i) => writeFileSync(target, handlerSource(50, PER_TABLE, i + 1)),
      "src/t050.ts",
    ),
  );
  changes.push(
    await measureChange(
      dev,
      "add a handler module (api.ts rewritten)",
      (i) =>
        writeFileSync(
          join(dir, "src", `extra${i}.ts`),
          'import { query } from "../_generated/handlers";\n\nexport const ping = query({ handler: () => "pong" });\n',
        ),
      "src/extra\\d+.ts",
    ),
  );
  const schemaFile = join(dir, "schema.ts");
  const schemaText = readFileSync(schemaFile, "utf8");
  changes.push(
    await measureChange(
      dev,
      "edit the schema (drizzle.schema.ts rewritten)",
      (i) =>
        writeFileSync(
          schemaFile,
          schemaText.replace("  t000: table({", `  t000: table({\n    extra${i}: v.string(),`),
        ),
      "schema.ts",
      / {2}apply +DB \(local\)/,
    ),
  );
  dev.child.kill("SIGINT");

  const rows = [
    ["appflare build --no-typecheck (cold process)", median(builds), builds, "< 5000"],
    ["appflare build (with type check)", median(typed), typed, "—"],
    ...changes.map((c) => [`dev: ${c.label}`, median(c.regenerateMs), c.regenerateMs, "< 300"]),
    ...changes.map((c) => [`dev: ${c.label}, write → line (wall)`, median(c.wallMs), c.wallMs, "—"]),
  ];
  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    node: process.version,
    esbuild: require("esbuild/package.json").version,
    typescript: require("typescript/package.json").version,
  };
  console.log(
    `\nmachine: ${machine.cpu} ×${machine.cores}, Node ${machine.node}, esbuild ${machine.esbuild}, TypeScript ${machine.typescript}`,
  );
  console.log(`build steps of the last run:\n${steps}`);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${"metric".padEnd(w)} | median ms | runs (ms)                      | target ms`);
  console.log(`${"-".repeat(w)}-|-----------|--------------------------------|----------`);
  for (const [name, med, runs, target] of rows) {
    console.log(
      `${name.padEnd(w)} | ${String(round(med)).padStart(9)} | ${runs.map(round).join(", ").padEnd(30)} | ${target}`,
    );
  }
  const results = join(repo, "bench", "results");
  mkdirSync(results, { recursive: true });
  writeFileSync(
    join(results, "codegen.json"),
    `${JSON.stringify(
      {
        bench: "codegen",
        date: new Date().toISOString(),
        machine,
        app: { tables: TABLES, handlers: TABLES * PER_TABLE },
        rows: rows.map(([metric, med, runs, target]) => ({
          metric,
          medianMs: round(med),
          runsMs: runs.map(round),
          targetMs: target,
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${join("bench", "results", "codegen.json")}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
