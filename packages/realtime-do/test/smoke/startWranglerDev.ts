import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getSchemaModel } from "@appflare/schema";
import { freePort } from "../../../../tests/support/freePort";
import { generateMigrations } from "../../../../tests/support/generateMigrations";
import schema from "../app/schema";

const here = import.meta.dirname;
const wrangler = join(here, "../../node_modules/.bin/wrangler");

export interface RunningWorker {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts the test app (test/app/worker.ts) under `wrangler dev` with local D1 (migrated by
 * `wrangler d1 migrations apply`) and the realtime Durable Object, as `appflare dev` would run an app.
 * The packages resolve to their sources (`development` export condition).
 */
export async function startWranglerDev(): Promise<RunningWorker> {
  const dir = mkdtempSync(join(tmpdir(), "appflare-realtime-smoke-"));
  const migrations = generateMigrations(
    join(here, "../app/schema.ts"),
    Object.keys(getSchemaModel(schema).tables),
    join(dir, "drizzle"),
  );
  const state = join(dir, "state");
  mkdirSync(state);
  const config = join(dir, "wrangler.json");
  writeFileSync(
    config,
    JSON.stringify({
      name: "appflare-realtime-smoke",
      main: join(here, "../app/worker.ts"),
      compatibility_date: "2026-04-01",
      compatibility_flags: ["nodejs_compat"],
      d1_databases: [
        { binding: "DB", database_name: "realtime-smoke", database_id: "local", migrations_dir: migrations },
      ],
      durable_objects: { bindings: [{ name: "APPFLARE_REALTIME", class_name: "AppflareRealtime" }] },
      migrations: [{ tag: "v1", new_sqlite_classes: ["AppflareRealtime"] }],
      vars: { BETTER_AUTH_SECRET: "appflare-realtime-smoke-secret-0123456789" },
    }),
  );
  const env = {
    ...process.env,
    CI: "1",
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_BUILD_CONDITIONS: "development,workerd,worker,module,browser",
  };
  execFileSync(
    wrangler,
    ["d1", "migrations", "apply", "DB", "--local", "--config", config, "--persist-to", state],
    {
      env,
      stdio: "pipe",
    },
  );
  const port = await freePort();
  const child = spawn(
    wrangler,
    [
      "dev",
      "--config",
      config,
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      state,
      "--show-interactive-dev-session=false",
    ],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child, () => output);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return {
    url,
    stop: async () => {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/openapi.json`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not answer in 120 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
