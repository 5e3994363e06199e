#!/usr/bin/env node
// `pnpm bench codegen`: `appflare build` on a synthetic app of 100 tables / 500 handlers, and the
// regeneration time of `appflare dev` after a one-file change. Prints a table and writes
// bench/results/codegen.json. Targets: build < 5 s, watch regenerate < 300 ms.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleCli } from "../support/bundleCli.mjs";
import { linkPackages } from "../support/linkPackages.mjs";
import { machine } from "../support/machine.mjs";
import { median } from "../support/median.mjs";
import { printTable } from "../support/printTable.mjs";
import { workspace } from "../support/workspace.mjs";
import { writeResult } from "../support/writeResult.mjs";
import { handlerSource, writeSyntheticProject } from "./syntheticProject.mjs";

const TABLES = 100;
const PER_TABLE = 5;
const RUNS = 5;
const codegen = join(workspace.root, "packages", "codegen");
const round = (x) => Math.round(x);

/** An app folder whose node_modules link to the workspace packages and the pinned tools. */
function makeApp() {
  const dir = mkdtempSync(join(tmpdir(), "appflare-bench-codegen-"));
  linkPackages(dir, codegen, [
    "@appflare/server",
    "@appflare/schema",
    "zod",
    "drizzle-orm",
    "typescript",
    "wrangler",
    "drizzle-kit",
    "@cloudflare/workers-types",
  ]);
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
  const { cpu, cpus, node } = machine();
  const versions = {
    cpu: cpu ?? "unknown",
    cores: cpus,
    node,
    esbuild: workspace.fromCodegen("esbuild/package.json").version,
    typescript: workspace.fromCodegen("typescript/package.json").version,
  };
  console.log(
    `\nmachine: ${versions.cpu} ×${versions.cores}, Node ${versions.node}, esbuild ${versions.esbuild}, TypeScript ${versions.typescript}`,
  );
  console.log(`build steps of the last run:\n${steps}`);
  printTable(
    [
      { title: "metric", width: Math.max(...rows.map((r) => r[0].length)) },
      { title: "median ms", width: 9, align: "right" },
      { title: "runs (ms)", width: 30 },
      { title: "target ms", width: 9 },
    ],
    rows.map(([name, med, runs, target]) => [name, round(med), runs.map(round).join(", "), target]),
  );
  const file = writeResult("codegen", {
    bench: "codegen",
    date: new Date().toISOString(),
    machine: versions,
    app: { tables: TABLES, handlers: TABLES * PER_TABLE },
    rows: rows.map(([metric, med, runs, target]) => ({
      metric,
      medianMs: round(med),
      runsMs: runs.map(round),
      targetMs: target,
    })),
  });
  console.log(`\nwrote ${file}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
