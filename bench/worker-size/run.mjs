#!/usr/bin/env node
// `pnpm bench worker-size`: gzip size of the example app's Worker bundle, as `wrangler deploy --dry-run
// --outdir` produces it, beside a hand-written Hono + Drizzle + Zod + Better Auth Worker (bare/worker.ts),
// and what `dashboard()` adds to it (the example built again with @appflare/dashboard installed).
// Targets: ≤ 1.25× the bare Worker, ≤ 1 MB gzip; the dashboard ≤ 60 KiB gzip.
// Writes bench/results/worker-size.json.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleCli } from "../support/bundleCli.mjs";
import { linkPackages } from "../support/linkPackages.mjs";
import { machine } from "../support/machine.mjs";
import { packageVersion } from "../support/packageVersion.mjs";
import { printTable } from "../support/printTable.mjs";
import { workspace } from "../support/workspace.mjs";
import { writeResult } from "../support/writeResult.mjs";

const codegen = join(workspace.root, "packages", "codegen");
const server = join(workspace.root, "packages", "server");
const wranglerDir = realpathSync(join(codegen, "node_modules", "wrangler"));
const wranglerBin = join(wranglerDir, "bin", "wrangler.js");

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Bundles the Worker with wrangler exactly as a deploy would, and measures the JavaScript it wrote. */
function measure(dir, minify) {
  const out = join(dir, minify ? "out-min" : "out");
  rmSync(out, { recursive: true, force: true });
  run(
    process.execPath,
    [wranglerBin, "deploy", "--dry-run", "--outdir", out, ...(minify ? ["--minify"] : [])],
    dir,
  );
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(out, { recursive: true })) {
    if (!/\.(?:m?js|wasm)$/.test(String(file))) continue;
    const bytes = readFileSync(join(out, String(file)));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/**
 * The example app: its sources plus node_modules links to the workspace packages, then `appflare build`.
 * With `dashboard`, `@appflare/dashboard` (its built `dist/`) is linked too, so the generated worker
 * mounts `dashboard()` (config.dashboard.enabled is the default); without it the worker has none.
 */
async function exampleApp(dashboard) {
  const dir = mkdtempSync(join(tmpdir(), `appflare-bench-size-example${dashboard ? "-dashboard" : ""}-`));
  for (const entry of ["appflare.config.ts", "schema.ts", "src", "package.json"]) {
    cpSync(join(workspace.root, "apps", "example", entry), join(dir, entry), { recursive: true });
  }
  linkPackages(dir, codegen, ["@appflare/server", "@appflare/schema", "zod", "drizzle-orm"]);
  if (dashboard) {
    mkdirSync(join(dir, "node_modules", "@appflare"), { recursive: true });
    symlinkSync(
      join(workspace.root, "packages", "dashboard"),
      join(dir, "node_modules", "@appflare", "dashboard"),
    );
  }
  run(process.execPath, [await bundleCli(), "build", "--no-typecheck"], dir);
  const worker = readFileSync(join(dir, "_generated", "worker.ts"), "utf8");
  if (worker.includes("dashboard()") !== dashboard) {
    throw new Error(
      `the generated worker ${dashboard ? "lacks" : "has"} dashboard(): see ${dir}/_generated/worker.ts`,
    );
  }
  return dir;
}

/** The hand-written baseline, with hono, drizzle-orm, zod and better-auth from the server's install. */
function bareApp() {
  const dir = mkdtempSync(join(tmpdir(), "appflare-bench-size-bare-"));
  cpSync(new URL("bare/worker.ts", import.meta.url), join(dir, "worker.ts"));
  linkPackages(dir, server, ["hono", "drizzle-orm", "zod", "better-auth"]);
  writeFileSync(
    join(dir, "wrangler.json"),
    `${JSON.stringify({ name: "bare", main: "./worker.ts", compatibility_date: "2026-04-01", compatibility_flags: ["nodejs_compat"] })}\n`,
  );
  return dir;
}

const example = await exampleApp(false);
const withDashboard = await exampleApp(true);
const bare = bareApp();
try {
  const rows = [];
  for (const minify of [false, true]) {
    const a = measure(example, minify);
    const b = measure(bare, minify);
    const d = measure(withDashboard, minify);
    rows.push({
      build: minify ? "--minify" : "default",
      example: a,
      bare: b,
      ratio: a.gzip / b.gzip,
      withDashboard: d,
      dashboard: { raw: d.raw - a.raw, gzip: d.gzip - a.gzip },
    });
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const { cpu, cpus, node } = machine();
  const versions = { wrangler: packageVersion(wranglerDir), node, cpu: `${cpu ?? "unknown"} ×${cpus}` };
  console.log(
    `machine: ${versions.cpu}, Node ${versions.node}, wrangler ${versions.wrangler} (sizes are deterministic: one run)`,
  );
  printTable(
    [
      { title: "build", width: 10 },
      { title: "example raw", width: 11, align: "right" },
      { title: "example gzip", width: 12, align: "right" },
      { title: "bare raw", width: 10, align: "right" },
      { title: "bare gzip", width: 10, align: "right" },
      { title: "ratio (gzip)", width: 12, align: "right" },
      { title: "target", width: 22 },
    ],
    rows.map((r) => [
      r.build,
      kb(r.example.raw),
      kb(r.example.gzip),
      kb(r.bare.raw),
      kb(r.bare.gzip),
      r.ratio.toFixed(2),
      "≤ 1.25×, ≤ 1024 KiB gzip",
    ]),
  );
  console.log("\nWhat dashboard() adds (the example built again with @appflare/dashboard installed):\n");
  printTable(
    [
      { title: "build", width: 10 },
      { title: "with dashboard gzip", width: 19, align: "right" },
      { title: "dashboard raw", width: 13, align: "right" },
      { title: "dashboard gzip", width: 14, align: "right" },
      { title: "target", width: 16 },
    ],
    rows.map((r) => [
      r.build,
      kb(r.withDashboard.gzip),
      kb(r.dashboard.raw),
      kb(r.dashboard.gzip),
      "≤ 60 KiB gzip",
    ]),
  );
  const file = writeResult("worker-size", {
    bench: "worker-size",
    date: new Date().toISOString(),
    versions,
    rows,
  });
  console.log(`\nwrote ${file}`);
} finally {
  rmSync(example, { recursive: true, force: true });
  rmSync(withDashboard, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
}
