import { DevSession } from "../dev/DevSession";
import { parseServeArgs } from "../dev/parseServeArgs";
import { findConfigFile } from "../project/ProjectPaths";
import type { CommandContext } from "./CommandContext";

/** Options of `appflare dev`. */
export interface DevOptions {
  /** Serve the Worker (default); off, only the generated files are kept up to date. */
  readonly wrangler: boolean;
  /** `appflare dev -- --port 8788 --ip 0.0.0.0 --persist-to dir`. */
  readonly wranglerArgs: readonly string[];
  /** Stops the session (tests); SIGINT/SIGTERM also stop it. */
  readonly signal?: AbortSignal;
}

/**
 * `appflare dev`: builds, applies local migrations when the schema changed, serves the Worker with
 * wrangler's dev server (workerd with local D1/R2/Durable Objects/Queues) and regenerates only what a
 * file change affects. The Worker reloads only after a build that succeeded and, for a schema change,
 * after its migration is applied: a broken save is printed with `file:line` while the last good
 * Worker keeps serving, and fixing the file recovers.
 *
 * @example
 * await dev({ cwd: "/app", log, configPath: undefined }, { wrangler: true, wranglerArgs: [] });
 */
export async function dev(context: CommandContext, options: DevOptions): Promise<void> {
  const { log, cwd } = context;
  const configFile = findConfigFile(cwd, context.configPath);
  const serve = parseServeArgs(options.wranglerArgs);
  const session = new DevSession({ configFile, cwd, log, serve, wrangler: options.wrangler });
  // Listening before anything starts: a Ctrl-C (or a test's SIGINT) at any moment must find this
  // handler, not Node's default, which kills the process at once and leaves wrangler running.
  const onSignal = () => void session.stop();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  options.signal?.addEventListener("abort", onSignal, { once: true });
  log.info(`appflare dev  ${log.path(configFile)}`);
  try {
    await session.run();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    options.signal?.removeEventListener("abort", onSignal);
  }
}
