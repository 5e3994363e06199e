// Builds the example app and serves it with `wrangler dev` on a fresh local state (D1, R2, Durable
// Objects, Queues under a temp folder), migrated first. Loopback only.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workspace } from "../support/workspace.mjs";

const app = join(workspace.root, "apps/example");
const wrangler = workspace.fromExample.resolve("wrangler/bin/wrangler.js");
const appflare = join(workspace.root, "packages/codegen/bin/appflare.js");
const env = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", NO_UPDATE_NOTIFIER: "1" };

/** Answers `{ url, stop() }` once the Worker answers; throws with wrangler's output after 120 s. */
export async function startExample(port) {
  execFileSync(process.execPath, [appflare, "build", "--no-typecheck"], { cwd: app, env, stdio: "pipe" });
  const state = mkdtempSync(join(tmpdir(), "appflare-http-load-"));
  execFileSync(
    process.execPath,
    [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", state],
    {
      cwd: app,
      env,
      stdio: "pipe",
    },
  );
  const child = spawn(
    process.execPath,
    [
      wrangler,
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      state,
      "--show-interactive-dev-session=false",
    ],
    { cwd: app, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGINT");
      await new Promise((resolve) => setTimeout(resolve, 1500));
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    rmSync(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/openapi.json`);
      if (res.ok) return { url, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`wrangler dev did not serve the example in 120 s:\n${output.slice(-4000)}`);
}
