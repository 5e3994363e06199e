/** Where in a user file a problem is: the CLI prints it as `file:line:column`. */
export interface SourceLocation {
  /** Absolute path, or relative to the working directory. */
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
}

/**
 * An error the CLI reports as a message (never a stack): it names the user file at fault and, when
 * the source has one, the line. `exitCode` lets a command distinguish "your input is wrong" (1) from
 * "this command is not available" (2).
 *
 * @example
 * throw new CliError("unknown key \"scandir\"", { file: "appflare.config.ts", line: 4 });
 */
export class CliError extends Error {
  readonly location: SourceLocation | undefined;
  readonly exitCode: number;

  constructor(message: string, location?: SourceLocation, exitCode = 1) {
    super(message);
    this.name = "CliError";
    this.location = location;
    this.exitCode = exitCode;
  }
}
