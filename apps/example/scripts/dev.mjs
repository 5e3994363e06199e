#!/usr/bin/env node
// `pnpm dev` of the example: the Worker (`appflare dev`: build, local migrations, wrangler dev, watch)
// and the React front end (Vite, which forwards the Worker's routes), started together; prints the URL
// to open. Workspace packages are used from their TypeScript sources (the `development` condition), so
// nothing has to be built first but the CLI and the dashboard (scripts/ensureDevBuild.mjs, JavaScript only).
import { spawn } from "node:child_process";
import { createServer as createNetServer } from "node:net";
import { join } from "node:path";
import { createServer } from "vite";

const app = join(import.meta.dirname, "..");
const started = Date.now();

/** The first free port from `port` on (8787 is often taken by another `wrangler dev`). */
function freePort(port) {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once("error", () => resolve(freePort(port + 1)));
    probe.listen(port, "localhost", () => probe.close(() => resolve(port)));
  });
}

const workerPort = await freePort(Number(process.env.WORKER_PORT ?? 8787));
const workerUrl = `http://localhost:${workerPort}`;
const worker = spawn(
  process.execPath,
  [join(app, "node_modules/@appflare/codegen/bin/appflare.js"), "dev", "--", "--port", String(workerPort)],
  {
    cwd: app,
    stdio: "inherit",
    // wrangler bundles the workspace packages from src too: no dist needed.
    env: { ...process.env, WRANGLER_BUILD_CONDITIONS: "development,workerd,worker,browser" },
  },
);

let vite;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await vite?.close();
  if (worker.exitCode === null) worker.kill("SIGTERM");
  process.exitCode = code;
}
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
worker.once("exit", (code) => void stop(code ?? 1));

// Vite starts once the Worker answers (Better Auth's health route): by then `appflare dev` has written
// _generated/, which the page imports, and the proxy has somewhere to send requests.
for (;;) {
  if (stopping) break;
  try {
    if ((await fetch(`${workerUrl}/api/auth/ok`)).ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
if (!stopping) {
  process.env.APPFLARE_WORKER_URL = workerUrl;
  vite = await createServer({ configFile: join(app, "web/vite.config.ts"), logLevel: "warn" });
  await vite.listen();
  const pageUrl = vite.resolvedUrls?.local[0] ?? `http://localhost:${vite.config.server.port}/`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n  ➜  Open ${pageUrl}  (worker ${workerUrl}, ready in ${seconds} s)\n`);
}
