import type { CliError } from "./CliError";
import { formatLocation } from "./formatLocation";

/**
 * The text printed for a {@link CliError}: `file:line:col: message` (the form terminals and editors
 * link), or just the message when no file is involved. Never a stack.
 *
 * @example
 * formatCliError(new CliError("unknown key", { file: "/app/appflare.config.ts", line: 3 }), "/app");
 * // "appflare.config.ts:3: unknown key"
 */
export function formatCliError(error: CliError, cwd: string): string {
  return error.location ? `${formatLocation(error.location, cwd)}: ${error.message}` : error.message;
}
