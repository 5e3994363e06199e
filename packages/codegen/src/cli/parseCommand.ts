import { parseArgs } from "node:util";
import { CliError } from "../errors/CliError";
import { type InitTemplate, parseTemplate } from "../init/InitTemplate";

/** A parsed command line. */
export type ParsedCommand =
  | { readonly command: "help" }
  | { readonly command: "version" }
  | {
      readonly command: "init";
      readonly dir: string | undefined;
      /** Undefined when `--template` was not given: init asks on a terminal. */
      readonly template: InitTemplate | undefined;
      readonly config: string | undefined;
    }
  | { readonly command: "build"; readonly typecheck: boolean; readonly config: string | undefined }
  | {
      readonly command: "dev";
      readonly wrangler: boolean;
      readonly wranglerArgs: string[];
      readonly config: string | undefined;
    }
  | {
      readonly command: "migrate";
      readonly target: "local" | "remote";
      readonly name: string | undefined;
      readonly renames: string[];
      readonly allowDataLoss: boolean;
      /** `--persist-to <dir>`: wrangler's local state folder, as given (relative to the cwd). */
      readonly persistTo?: string;
      readonly config: string | undefined;
    }
  | {
      readonly command: "add-admin";
      readonly email: string;
      readonly password: string;
      readonly name: string | undefined;
      readonly target: "local" | "remote";
      readonly config: string | undefined;
    };

const common = {
  config: { type: "string", short: "c" },
  help: { type: "boolean", short: "h" },
} as const;

/** Runs `parseArgs`, turning its TypeError (unknown option, missing value) into a CliError. */
function guard<T>(command: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new CliError(`${(error as Error).message} (see \`appflare ${command} --help\`)`);
  }
}

/**
 * Parses `appflare <command> [options]`. Unknown commands and options are errors, not ignored.
 *
 * @example
 * parseCommand(["build", "--no-typecheck", "-c", "app/appflare.config.ts"]);
 * // { command: "build", typecheck: false, config: "app/appflare.config.ts" }
 */
export function parseCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ParsedCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "-h" || command === "--help")
    return { command: "help" };
  if (command === "-v" || command === "--version" || command === "version") return { command: "version" };
  switch (command) {
    case "init": {
      const options = { ...common, template: { type: "string", short: "t" } } as const;
      const { values, positionals } = guard(command, () =>
        parseArgs({ args: rest, options, allowPositionals: true, strict: true }),
      );
      if (values.help) return { command: "help" };
      if (positionals.length > 1) throw new CliError(`init takes one folder, got: ${positionals.join(" ")}`);
      const template = values.template === undefined ? undefined : parseTemplate(values.template);
      return { command, dir: positionals[0], template, config: values.config };
    }
    case "build": {
      const options = { ...common, "no-typecheck": { type: "boolean" } } as const;
      const { values, positionals } = guard(command, () =>
        parseArgs({ args: rest, options, allowPositionals: true, strict: true }),
      );
      if (values.help) return { command: "help" };
      if (positionals.length > 0)
        throw new CliError(`build takes no arguments, got: ${positionals.join(" ")}`);
      return { command, typecheck: !values["no-typecheck"], config: values.config };
    }
    case "dev": {
      const split = rest.indexOf("--");
      const own = split === -1 ? rest : rest.slice(0, split);
      const options = { ...common, "no-wrangler": { type: "boolean" } } as const;
      const { values, positionals } = guard(command, () =>
        parseArgs({ args: own, options, allowPositionals: true, strict: true }),
      );
      if (values.help) return { command: "help" };
      if (positionals.length > 0) {
        throw new CliError(
          `dev takes no arguments (pass wrangler's after --), got: ${positionals.join(" ")}`,
        );
      }
      const wranglerArgs = split === -1 ? [] : rest.slice(split + 1);
      return { command, wrangler: !values["no-wrangler"], wranglerArgs, config: values.config };
    }
    case "migrate": {
      const options = {
        ...common,
        local: { type: "boolean" },
        remote: { type: "boolean" },
        name: { type: "string" },
        rename: { type: "string", multiple: true },
        "allow-data-loss": { type: "boolean" },
        "persist-to": { type: "string" },
      } as const;
      const { values, positionals } = guard(command, () =>
        parseArgs({ args: rest, options, allowPositionals: true, strict: true }),
      );
      if (values.help) return { command: "help" };
      if (positionals.length > 0)
        throw new CliError(`migrate takes no arguments, got: ${positionals.join(" ")}`);
      if (values.local && values.remote) throw new CliError("migrate takes --local or --remote, not both");
      if (values.remote && values["persist-to"] !== undefined)
        throw new CliError(
          "--persist-to names a local state folder: use it with --local (the default), not --remote",
        );
      return {
        command,
        target: values.remote ? "remote" : "local",
        name: values.name,
        renames: values.rename ?? [],
        allowDataLoss: values["allow-data-loss"] ?? false,
        ...(values["persist-to"] === undefined ? {} : { persistTo: values["persist-to"] }),
        config: values.config,
      };
    }
    case "add-admin": {
      const options = {
        ...common,
        email: { type: "string", short: "e" },
        password: { type: "string", short: "p" },
        name: { type: "string", short: "n" },
        local: { type: "boolean" },
        remote: { type: "boolean" },
      } as const;
      const { values, positionals } = guard(command, () =>
        parseArgs({ args: rest, options, allowPositionals: true, strict: true }),
      );
      if (values.help) return { command: "help" };
      if (positionals.length > 0)
        throw new CliError(`add-admin takes no arguments, got: ${positionals.join(" ")}`);
      if (values.local && values.remote) throw new CliError("add-admin takes --local or --remote, not both");
      if (!values.email) throw new CliError("add-admin needs -e <email>");
      // A password on the command line lands in shell history: APPFLARE_ADMIN_PASSWORD is the alternative.
      const password = values.password ?? env.APPFLARE_ADMIN_PASSWORD;
      if (!password)
        throw new CliError("add-admin needs -p <password> (or APPFLARE_ADMIN_PASSWORD in the environment)");
      return {
        command,
        email: values.email,
        password,
        name: values.name,
        target: values.remote ? "remote" : "local",
        config: values.config,
      };
    }
    default:
      throw new CliError(
        `Unknown command "${command}". Commands: init, build, dev, migrate, add-admin (see appflare --help)`,
      );
  }
}
