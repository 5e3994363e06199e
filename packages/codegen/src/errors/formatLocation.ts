import { isAbsolute, relative } from "node:path";
import type { SourceLocation } from "./CliError";

/**
 * `file:line:column` relative to `cwd`, the form editors and terminals turn into links.
 *
 * @example
 * formatLocation({ file: "/app/src/a.ts", line: 3, column: 7 }, "/app"); // "src/a.ts:3:7"
 */
export function formatLocation(location: SourceLocation, cwd: string = process.cwd()): string {
  const file = isAbsolute(location.file) ? relative(cwd, location.file) || location.file : location.file;
  if (location.line === undefined) return file;
  return location.column === undefined
    ? `${file}:${location.line}`
    : `${file}:${location.line}:${location.column}`;
}
