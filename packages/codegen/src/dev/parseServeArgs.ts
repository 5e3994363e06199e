import { parseArgs } from "node:util";
import { CliError } from "../errors/CliError";

/** Where `appflare dev` serves the Worker. */
export interface ServeOptions {
  readonly ip: string;
  readonly port: number;
  /** `--persist-to`: wrangler's local state folder (default `.wrangler/state`). */
  readonly persist?: string;
}

/**
 * The `wrangler dev` options `appflare dev -- …` supports: `--port`, `--ip`, `--persist-to`.
 * appflare runs wrangler's dev server itself (to reload only after a good build and its migration),
 * so other wrangler flags are refused by name rather than silently ignored.
 *
 * @example
 * parseServeArgs(["--port", "9000"]); // { ip: "localhost", port: 9000 }
 */
export function parseServeArgs(args: readonly string[]): ServeOptions {
  let values: { port?: string; ip?: string; "persist-to"?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { port: { type: "string" }, ip: { type: "string" }, "persist-to": { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(
      `appflare dev passes only --port, --ip and --persist-to to wrangler's dev server: ${(error as Error).message}`,
    );
  }
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port ${values.port}: expected a port number (0–65535)`);
  return { ip: values.ip ?? "localhost", port, persist: values["persist-to"] };
}
