import { performance } from "node:perf_hooks";
import type { BuildReport } from "../build/BuildReport";
import { buildOnce } from "../build/buildOnce";
import { formatMs } from "../log/Logger";
import { findConfigFile } from "../project/ProjectPaths";
import { typecheckProject } from "../typecheck/typecheckProject";
import type { CommandContext } from "./CommandContext";
import { printReport } from "./printReport";

/** Options of `appflare build`. */
export interface BuildOptions {
  /** Type-check the app after generating (default in the CLI; `--no-typecheck` turns it off). */
  readonly typecheck: boolean;
}

/**
 * `appflare build`: generates `<outDir>` and `wrangler.json`, then type-checks the app.
 *
 * @example
 * await build({ cwd: "/app", log, configPath: undefined }, { typecheck: true });
 */
export async function build(context: CommandContext, options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const configFile = findConfigFile(context.cwd, context.configPath);
  context.log.info(`appflare build  ${context.log.path(configFile)}`);
  const report = await buildOnce(configFile);
  printReport(context.log, report);
  if (options.typecheck) {
    const t0 = performance.now();
    const result = typecheckProject(report.paths.root);
    const detail =
      "skipped" in result ? `skipped: ${result.skipped}` : `${result.checkedFiles} files, no errors`;
    context.log.step("typecheck", detail, performance.now() - t0);
  }
  const changed =
    report.written.length === 0 ? "everything was up to date" : `${report.written.length} files written`;
  context.log.success(`built in ${formatMs(performance.now() - started)} (${changed})`);
  return report;
}
