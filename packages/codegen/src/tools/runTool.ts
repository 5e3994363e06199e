import { type ChildProcess, spawn } from "node:child_process";

/** Options of {@link runTool}. */
export interface RunToolOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** `inherit`: the tool talks to the terminal (prompts, colors); `pipe`: output is captured. */
  readonly stdio: "inherit" | "pipe";
  /** Stops the tool (see {@link stopChild}); the result then has a non-zero code. */
  readonly signal?: AbortSignal;
}

/** Exit status and, with `stdio: "pipe"`, the combined output. */
export interface ToolResult {
  readonly code: number;
  readonly output: string;
}

/**
 * Stops a child process: SIGTERM, then SIGKILL if it is still running after `graceMs` (wrangler can
 * ignore SIGTERM while its local runtime is busy, and a CLI must never hang on exit).
 *
 * @example
 * stopChild(wranglerDev, 5000);
 */
export function stopChild(child: ChildProcess, graceMs = 5000): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  timer.unref();
  child.once("exit", () => clearTimeout(timer));
}

/**
 * Runs a Node tool script (`node <script> ...args`) to completion.
 *
 * @example
 * const { code } = await runTool(wranglerBin, ["d1", "migrations", "apply", "DB", "--local"], { cwd, stdio: "pipe" });
 */
export function runTool(
  script: string,
  args: readonly string[],
  options: RunToolOptions,
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = startTool(script, args, options);
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    const abort = () => stopChild(child, 3000);
    options.signal?.addEventListener("abort", abort, { once: true });
    if (options.signal?.aborted) abort();
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      options.signal?.removeEventListener("abort", abort);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Starts a Node tool script without waiting for it (`wrangler dev`). */
export function startTool(script: string, args: readonly string[], options: RunToolOptions): ChildProcess {
  return spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: options.stdio === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
  });
}
