import type { Logger } from "../log/Logger";

/** What every command gets: where it runs, where it prints, and `-c <config>` when given. */
export interface CommandContext {
  readonly cwd: string;
  readonly log: Logger;
  /** The `-c` option: path of the config file, relative to `cwd`. */
  readonly configPath: string | undefined;
}
