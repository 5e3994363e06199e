import { addAdmin } from "../commands/addAdmin";
import { build } from "../commands/build";
import type { CommandContext } from "../commands/CommandContext";
import { dev } from "../commands/dev";
import { init } from "../commands/init";
import { migrate } from "../commands/migrate";
import { CliError } from "../errors/CliError";
import { formatCliError } from "../errors/formatCliError";
import { createLogger, type LoggerStreams } from "../log/Logger";
import { ownVersion } from "../project/ownVersion";
import { parseCommand } from "./parseCommand";
import { usage } from "./usage";

/**
 * Runs the `appflare` CLI and returns its exit code. Every failure is printed as a located message
 * (`file:line:col: …`); a stack is printed only for an internal error and only with `APPFLARE_DEBUG=1`.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(
  argv: readonly string[],
  streams: LoggerStreams = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() },
): Promise<number> {
  const log = createLogger(streams);
  try {
    const parsed = parseCommand(argv, process.env);
    const context = (config: string | undefined): CommandContext => ({
      cwd: streams.cwd,
      log,
      configPath: config,
    });
    switch (parsed.command) {
      case "help":
        streams.stdout.write(usage);
        return 0;
      case "version":
        streams.stdout.write(`${ownVersion()}\n`);
        return 0;
      case "init":
        await init(context(parsed.config), parsed.dir, { template: parsed.template });
        return 0;
      case "build":
        await build(context(parsed.config), { typecheck: parsed.typecheck });
        return 0;
      case "dev":
        await dev(context(parsed.config), { wrangler: parsed.wrangler, wranglerArgs: parsed.wranglerArgs });
        return 0;
      case "migrate":
        await migrate(context(parsed.config), {
          target: parsed.target,
          name: parsed.name,
          renames: parsed.renames,
          allowDataLoss: parsed.allowDataLoss,
          ...(parsed.persistTo === undefined ? {} : { persistTo: parsed.persistTo }),
        });
        return 0;
      case "add-admin":
        await addAdmin(context(parsed.config), {
          email: parsed.email,
          password: parsed.password,
          name: parsed.name,
          target: parsed.target,
        });
        return 0;
    }
  } catch (error) {
    if (error instanceof CliError) {
      log.error(formatCliError(error, streams.cwd));
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    log.error(`internal error: ${message}`);
    if (process.env.APPFLARE_DEBUG && error instanceof Error && error.stack)
      streams.stderr.write(`${error.stack}\n`);
    else streams.stderr.write("(set APPFLARE_DEBUG=1 to print the stack, and report it)\n");
    return 1;
  }
}
