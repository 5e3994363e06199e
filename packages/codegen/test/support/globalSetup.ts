import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { cliBundle, packageRoot, tmpRoot } from "./paths";

/**
 * Bundles `src/cli.ts` once per test run, so tests can run the CLI as a real process (exit codes,
 * stdout/stderr, no stack traces) without depending on a `tsup` build; prunes old fixture copies.
 */
export default async function setup(): Promise<void> {
  mkdirSync(tmpRoot, { recursive: true });
  // Fixture copies from earlier runs are pruned once they are a few hours old (not right away: another
  // test process may be using its own copies).
  for (const entry of readdirSync(tmpRoot)) {
    const path = join(tmpRoot, entry);
    if (Date.now() - statSync(path).mtimeMs > 6 * 3600_000) rmSync(path, { recursive: true, force: true });
  }
  await build({
    entryPoints: [join(packageRoot, "src", "cli.ts")],
    // Written aside then renamed: another test process may be running the current bundle.
    outfile: `${cliBundle}.${process.pid}.tmp`,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  renameSync(`${cliBundle}.${process.pid}.tmp`, cliBundle);
}
