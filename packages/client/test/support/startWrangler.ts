import { type ChildProcess, spawn } from "node:child_process";

/** One `wrangler dev` process. */
export interface WranglerProcess {
  readonly endpoint: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `wrangler dev` in `dir` on `port` and waits until the fixture answers a query. Local state
 * lives in `dir/.wrangler`, so a second start in the same `dir` sees the same rows.
 *
 * @example
 * const w = await startWrangler({ wrangler: "node_modules/wrangler/bin/wrangler.js", dir, port: 8787 });
 * await w.stop();
 */
export async function startWrangler(options: {
  readonly wrangler: string;
  readonly dir: string;
  readonly port: number;
}): Promise<WranglerProcess> {
  let text = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [options.wrangler, "dev", "--port", String(options.port), "--ip", "127.0.0.1"],
    {
      cwd: options.dir,
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
  const endpoint = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    const waitExit = (ms: number) =>
      Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
    // wrangler runs workerd as a child: stop the whole process group (a restart reuses the port, so a
    // group that ignores SIGTERM is killed).
    signalGroup(child.pid, "SIGTERM");
    if (!(await waitExit(5000))) {
      signalGroup(child.pid, "SIGKILL");
      await waitExit(5000);
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
  return { endpoint, output: () => text, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
