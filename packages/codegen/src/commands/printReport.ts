import type { BuildReport } from "../build/BuildReport";
import type { Logger } from "../log/Logger";

/**
 * Prints a build's timed steps and every file it wrote (unchanged files are only counted): a user
 * sees exactly what `appflare` touched.
 *
 * @example
 * printReport(log, report);
 */
export function printReport(log: Logger, report: BuildReport): void {
  for (const step of report.steps) log.step(step.name, step.detail, step.ms);
  for (const file of report.written) log.info(`  wrote      ${log.path(file)}`);
}
