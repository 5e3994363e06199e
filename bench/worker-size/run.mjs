#!/usr/bin/env node
// `pnpm bench worker-size`: gzip size of the example app's Worker bundle, as `wrangler deploy --dry-run
// --outdir` produces it, beside a hand-written Hono + Drizzle + Zod + Better Auth Worker (bare/worker.ts).
// Target (quality.md): ≤ 1.25× the bare Worker and ≤ 1 MB gzip. Writes bench/results/worker-size.json.
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
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const codegen = join(repo, "packages", "codegen");
const server = join(repo, "packages", "server");
const require = createRequire(join(codegen, "package.json"));
const wranglerBin = join(realpathSync(join(codegen, "node_modules", "wrangler")), "bin", "wrangler.js");

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Links `pkg` (resolved from `fromDir`) into `dir/node_modules`. */
function link(dir, pkg, fromDir) {
  const target = join(dir, "node_modules", pkg);
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(realpathSync(join(fromDir, "node_modules", pkg)), target);
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

/** The example app: its sources plus node_modules links to the workspace packages, then `appflare build`. */
async function exampleApp() {
  const dir = mkdtempSync(join(tmpdir(), "appflare-bench-size-example-"));
  for (const entry of ["appflare.config.ts", "schema.ts", "src", "package.json"]) {
    cpSync(join(repo, "apps", "example", entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, "node_modules", "@appflare"), { recursive: true });
  symlinkSync(server, join(dir, "node_modules", "@appflare", "server"));
  symlinkSync(join(repo, "packages", "schema"), join(dir, "node_modules", "@appflare", "schema"));
  for (const pkg of ["zod", "drizzle-orm"]) link(dir, pkg, codegen);
  const esbuild = require("esbuild");
  const cli = join(codegen, "node_modules", ".cache", "appflare-bench", "cli.mjs");
  await esbuild.build({
    entryPoints: [join(codegen, "src", "cli.ts")],
    outfile: cli,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  run(process.execPath, [cli, "build", "--no-typecheck"], dir);
  return dir;
}

/** The hand-written baseline, with hono, drizzle-orm, zod and better-auth from the server's install. */
function bareApp() {
  const dir = mkdtempSync(join(tmpdir(), "appflare-bench-size-bare-"));
  cpSync(join(here, "bare", "worker.ts"), join(dir, "worker.ts"));
  for (const pkg of ["hono", "drizzle-orm", "zod", "better-auth"]) link(dir, pkg, server);
  writeFileSync(
    join(dir, "wrangler.json"),
    `${JSON.stringify({ name: "bare", main: "./worker.ts", compatibility_date: "2026-04-01", compatibility_flags: ["nodejs_compat"] })}\n`,
  );
  return dir;
}

const example = await exampleApp();
const bare = bareApp();
try {
  const rows = [];
  for (const minify of [false, true]) {
    const a = measure(example, minify);
    const b = measure(bare, minify);
    rows.push({ build: minify ? "--minify" : "default", example: a, bare: b, ratio: a.gzip / b.gzip });
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const versions = {
    wrangler: JSON.parse(readFileSync(join(dirname(wranglerBin), "..", "package.json"), "utf8")).version,
    node: process.version,
    cpu: `${cpus()[0]?.model ?? "unknown"} ×${cpus().length}`,
  };
  console.log(
    `machine: ${versions.cpu}, Node ${versions.node}, wrangler ${versions.wrangler} (sizes are deterministic: one run)`,
  );
  console.log("build      | example raw | example gzip | bare raw   | bare gzip  | ratio (gzip) | target");
  console.log(
    "-----------|-------------|--------------|------------|------------|--------------|-----------------------",
  );
  for (const r of rows) {
    console.log(
      `${r.build.padEnd(10)} | ${kb(r.example.raw).padStart(11)} | ${kb(r.example.gzip).padStart(12)} | ${kb(r.bare.raw).padStart(10)} | ${kb(r.bare.gzip).padStart(10)} | ${r.ratio.toFixed(2).padStart(12)} | ≤ 1.25×, ≤ 1024 KiB gzip`,
    );
  }
  const results = join(repo, "bench", "results");
  mkdirSync(results, { recursive: true });
  writeFileSync(
    join(results, "worker-size.json"),
    `${JSON.stringify({ bench: "worker-size", date: new Date().toISOString(), versions, rows }, null, 2)}\n`,
  );
  console.log(`\nwrote ${join("bench", "results", "worker-size.json")}`);
} finally {
  rmSync(example, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
}
