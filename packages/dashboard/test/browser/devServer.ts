import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getSchemaModel } from "@appflare/schema";
import { generateMigrations } from "../../../../tests/support/generateMigrations";
import schema from "../app/schema";

const here = import.meta.dirname;
const wrangler = join(
  dirname(createRequire(import.meta.url).resolve("wrangler/package.json")),
  "bin",
  "wrangler.js",
);

/** A running `wrangler dev` of the fixture app, with its own local D1/R2 state. */
export interface DevServer {
  readonly url: string;
  /** Runs SQL on the local D1 (test setup only). */
  sql(command: string): void;
  stop(): Promise<void>;
}

/**
 * Writes a wrangler.json for `test/browser/worker.ts`, applies drizzle-kit's migrations of the test
 * schema to a fresh local D1 and starts `wrangler dev` on `port`.
 */
export async function startDevServer(port: number): Promise<DevServer> {
  const dir = join(here, "../../.e2e", String(process.pid));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const migrations = generateMigrations(
    join(here, "../app/schema.ts"),
    Object.keys(getSchemaModel(schema).tables),
    join(dir, "drizzle"),
  );
  const config = join(dir, "wrangler.json");
  writeFileSync(
    config,
    JSON.stringify(
      {
        name: "dash-e2e",
        main: join(here, "worker.ts"),
        compatibility_date: "2026-04-01",
        compatibility_flags: ["nodejs_compat"],
        d1_databases: [
          { binding: "DB", database_name: "dash-e2e", database_id: "local", migrations_dir: migrations },
        ],
        r2_buckets: [{ binding: "STORAGE", bucket_name: "dash-e2e" }],
        vars: { BETTER_AUTH_SECRET: "dashboard-e2e-secret-0123456789-abcdefghij" },
      },
      null,
      2,
    ),
  );
  const state = join(dir, "state");
  const run = (args: string[]) =>
    execFileSync(process.execPath, [wrangler, ...args, "--config", config, "--persist-to", state], {
      cwd: dir,
      env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" },
      stdio: "pipe",
    });
  run(["d1", "migrations", "apply", "DB", "--local"]);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      wrangler,
      "dev",
      "--config",
      config,
      "--persist-to",
      state,
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--show-interactive-dev-session=false",
    ],
    { cwd: dir, env: { ...process.env, WRANGLER_SEND_METRICS: "false" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout?.on("data", (d) => (log += String(d)));
  child.stderr?.on("data", (d) => (log += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/admin/sign-in`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`wrangler dev did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    sql: (command) => run(["d1", "execute", "DB", "--local", "--command", command]),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
