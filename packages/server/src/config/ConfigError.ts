/** One problem found in a config: `path` is the dotted key path (`database.query.maxLimit`). */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown by `defineConfig`/`resolveConfig` when the config is invalid. The message lists every issue
 * with its key path; the CLI prefixes the config file name.
 */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map((i) => `  - ${i.path || "(config)"}: ${i.message}`);
    super(`Invalid Appflare config:\n${lines.join("\n")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}
