import { spawnSync } from "node:child_process";
import { cliBundle } from "./paths";

/** Exit code and output of one CLI run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled `appflare` CLI as a child process in `cwd`. */
export function runCliProcess(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [cliBundle, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    // `build` type-checks the app, @appflare/client's types included; on 2 shared cores that can pass 2 min.
    timeout: 300_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
