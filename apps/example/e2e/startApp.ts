import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer as createNetServer } from "node:net";
import { dirname, join } from "node:path";
import { createServer, type ViteDevServer } from "vite";

const app = join(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const wrangler = join(dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");
const appflare = join(app, "node_modules/@appflare/codegen/bin/appflare.js");
// The Worker bundles the workspace packages from their sources, as `pnpm dev` does.
const env = {
  ...process.env,
  CI: "1",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_BUILD_CONDITIONS: "development,workerd,worker,browser",
};

/** The example running as `pnpm dev` runs it, on free ports with its own fresh local state. */
export interface RunningApp {
  /** The page to open (Vite). */
  readonly url: string;
  /** The Worker itself. */
  readonly workerUrl: string;
  stop(): Promise<void>;
}

function freePort(port: number): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once("error", () => resolve(freePort(port + 1)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(port)));
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`wrangler dev did not start:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Generates the app (`appflare build`), applies its committed migrations to a fresh local D1, starts
 * `wrangler dev` and the Vite dev server forwarding to it.
 */
export async function startApp(): Promise<RunningApp> {
  const state = join(app, ".e2e", String(process.pid));
  rmSync(state, { recursive: true, force: true });
  mkdirSync(state, { recursive: true });
  execFileSync(process.execPath, [appflare, "build", "--no-typecheck"], { cwd: app, env, stdio: "pipe" });
  const persist = ["--config", join(app, "wrangler.json"), "--persist-to", state];
  execFileSync(process.execPath, [wrangler, "d1", "migrations", "apply", "DB", "--local", ...persist], {
    cwd: app,
    env,
    stdio: "pipe",
  });
  const workerPort = await freePort(8900 + (process.pid % 300));
  const worker = spawn(
    process.execPath,
    [wrangler, "dev", ...persist, "--port", String(workerPort), "--ip", "127.0.0.1"],
    { cwd: app, env: { ...env, CI: undefined }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  worker.stdout?.on("data", (d) => (log += String(d)));
  worker.stderr?.on("data", (d) => (log += String(d)));
  const workerUrl = `http://127.0.0.1:${workerPort}`;
  let vite: ViteDevServer | undefined;
  const stop = async () => {
    await vite?.close();
    worker.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (worker.exitCode === null) worker.kill("SIGKILL");
  };
  try {
    await waitFor(`${workerUrl}/api/auth/ok`, worker, () => log);
    process.env.APPFLARE_WORKER_URL = workerUrl;
    process.env.PORT = String(await freePort(workerPort + 1));
    vite = await createServer({ configFile: join(app, "web/vite.config.ts"), logLevel: "warn" });
    await vite.listen();
  } catch (error) {
    await stop();
    throw error;
  }
  const url = vite.resolvedUrls?.local[0] ?? `http://localhost:${process.env.PORT}/`;
  return { url, workerUrl, stop };
}
