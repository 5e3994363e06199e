import type { SourceLocation } from "./CliError";

const FRAME = /(?:\(|\bat )((?:file:\/\/)?(?:\/|[A-Za-z]:[\\/])[^():\s]+):(\d+):(\d+)/;

/**
 * The first frame of a (source-mapped) stack that points into one of the app's own files — the line
 * to show the user instead of the stack itself.
 *
 * @example
 * stackLocation(error.stack, (file) => file.startsWith("/app/") && !file.includes("node_modules"));
 */
export function stackLocation(
  stack: string,
  isUserFile: (file: string) => boolean,
): SourceLocation | undefined {
  for (const line of stack.split("\n").slice(1)) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const file = match[1]?.replace(/^file:\/\//, "") ?? "";
    if (isUserFile(file)) return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
