import { relative } from "node:path";

/** Where progress and results are printed. Commands never write to the console directly. */
export interface Logger {
  /** A plain line. */
  info(message: string): void;
  /** A timed step: `  schema     12 tables                     41 ms`. */
  step(name: string, detail: string, ms: number): void;
  /** A final success line. */
  success(message: string): void;
  warn(message: string): void;
  /** An error line (the message of a CliError, already located). */
  error(message: string): void;
  /** A path shown relative to the working directory. */
  path(file: string): string;
}

/** Streams a {@link Logger} writes to. */
export interface LoggerStreams {
  readonly stdout: { write(chunk: string): unknown; isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
  readonly cwd: string;
}

/**
 * `42 ms` below a second, `1.3 s` above.
 *
 * @example
 * formatMs(1234); // "1.2 s"
 */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A logger with aligned progress lines, colored only on a terminal (and never with `NO_COLOR`).
 *
 * @example
 * const log = createLogger({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
 * log.step("schema", "12 tables", 41);
 */
export function createLogger(streams: LoggerStreams): Logger {
  const color = Boolean(streams.stdout.isTTY) && !process.env.NO_COLOR;
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    info: (message) => streams.stdout.write(`${message}\n`),
    step: (name, detail, ms) =>
      streams.stdout.write(
        `  ${name.padEnd(10)} ${detail.padEnd(44)} ${paint("2", formatMs(ms).padStart(7))}\n`,
      ),
    success: (message) => streams.stdout.write(`${paint("32", "✓")} ${message}\n`),
    warn: (message) => streams.stderr.write(`${paint("33", "warning:")} ${message}\n`),
    error: (message) => streams.stderr.write(`${paint("31", "error:")} ${message}\n`),
    path: (file) => relative(streams.cwd, file) || ".",
  };
}
