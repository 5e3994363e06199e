import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";

const packageRoot = join(import.meta.dirname, "..", "..");
const codegenRoot = join(packageRoot, "..", "codegen");

/** A running `wrangler dev` of the fixture app. */
export interface FixtureWorker {
  readonly endpoint: string;
  readonly dir: string;
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Builds `test/fixture` with the `appflare` CLI (bundled from codegen's src, as codegen's own tests
 * do), applies its migration to a local D1, and starts `wrangler dev` on a free port. Workspace
 * packages resolve to their `src/` through the `development` condition, so nothing needs a build.
 *
 * @example
 * const worker = await startFixtureWorker();
 * await fetch(`${worker.endpoint}/queries/tasks/list?args=…`);
 * await worker.stop();
 */
export async function startFixtureWorker(): Promise<FixtureWorker> {
  const tmp = join(packageRoot, "test", ".tmp");
  mkdirSync(tmp, { recursive: true });
  const dir = mkdtempSync(join(tmp, "app-"));
  cpSync(join(packageRoot, "test", "fixture"), dir, { recursive: true });

  // Inside codegen's node_modules so the CLI's own dependencies resolve from codegen.
  const cli = join(codegenRoot, "node_modules", ".cache", "appflare-client-tests", `cli-${process.pid}.mjs`);
  await build({
    entryPoints: [join(codegenRoot, "src", "cli.ts")],
    outfile: cli,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  const appflare = (args: string[]) =>
    execFileSync(process.execPath, [cli, ...args], {
      cwd: dir,
      // drizzle-kit loads the generated schema module in Node: the development condition resolves the
      // workspace packages to src/ there too.
      env: { ...process.env, CI: "1", NO_COLOR: "1", NODE_OPTIONS: "--conditions=development" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 300_000,
    });
  appflare(["build", "--no-typecheck"]);
  appflare(["migrate", "--local"]);

  const port = await freePort();
  let text = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(packageRoot, "node_modules", "wrangler", "bin", "wrangler.js"),
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
    ],
    {
      cwd: dir,
      env: {
        ...process.env,
        CI: "1",
        NO_COLOR: "1",
        WRANGLER_SEND_METRICS: "false",
        // The workspace packages' `development` export points at src/, so no package build is needed.
        WRANGLER_BUILD_CONDITIONS: "development,workerd,worker,browser,module,import,default",
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (c: Buffer) => {
    text += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    text += c.toString();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      // wrangler runs workerd as a child: stop the whole process group.
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const res = await fetch(
        `${endpoint}/queries/tasks/list?args=${encodeURIComponent('{"prefix":"ready"}')}`,
      );
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev of the fixture did not come up:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { endpoint, dir, output: () => text, stop };
}
