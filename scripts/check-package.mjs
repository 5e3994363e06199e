#!/usr/bin/env node
// Packaging gate run after every package build: publint on the packed manifest, then
// @arethetypeswrong/cli on the tarball pnpm would publish (workspace: specifiers rewritten).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
const dir = mkdtempSync(join(tmpdir(), "appflare-pack-"));
try {
  run("publint", ["--strict", "--pack", "pnpm"]);
  run("pnpm", ["pack", "--pack-destination", dir]);
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball into ${dir}`);
  run("attw", [join(dir, tarball), "--profile", "esm-only"]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
