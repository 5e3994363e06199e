import { type LoggerStreams, runCli } from "@appflare/codegen";

/** The folder a new app goes into when none is named (never the current folder by accident). */
export const defaultAppDir = "appflare-app";

/**
 * `npm create appflare@latest [dir] [-- --template react|backend]`: runs `appflare init` of
 * @appflare/codegen into `dir` (default `appflare-app`) and returns its exit code. Everything after
 * the folder is passed to init as is; `.` scaffolds into the current folder.
 *
 * @example
 * process.exitCode = await createApp(["my-app", "--template", "react"]);
 */
export async function createApp(argv: readonly string[], streams?: LoggerStreams): Promise<number> {
  const wantsHelp = argv.includes("-h") || argv.includes("--help");
  const hasDir = argv.some((arg, i) => !arg.startsWith("-") && !isOptionValue(argv, i));
  const args = hasDir || wantsHelp ? argv : [defaultAppDir, ...argv];
  return runCli(["init", ...args], streams);
}

/** Whether `argv[i]` is the value of the option before it (`--template react`). */
function isOptionValue(argv: readonly string[], i: number): boolean {
  const previous = argv[i - 1];
  return previous === "--template" || previous === "-t" || previous === "--config" || previous === "-c";
}
