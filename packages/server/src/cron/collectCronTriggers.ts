import type { CollectedHandler } from "../handlers/collectHandlers";
import type { AnyHandlerDefinition } from "../handlers/HandlerDefinition";
import { normalizeCronExpression } from "../handlers/normalizeCronTriggers";

/** Anything that may carry cron expressions: a definition, a collected handler, or codegen's handler info. */
export type CronSource =
  | AnyHandlerDefinition
  | CollectedHandler
  | { readonly kind: string; readonly cronTrigger?: readonly string[] };

/**
 * The cron expressions of every `cron` handler, normalized (trimmed, single-spaced), deduplicated and
 * sorted: the `triggers.crons` list of wrangler.json. Other handler kinds are ignored.
 *
 * @example
 * collectCronTriggers(collectHandlers(modules)); // ["0 * * * *", "0 3 * * *"]
 */
export function collectCronTriggers(handlers: Iterable<CronSource>): string[] {
  const expressions = new Set<string>();
  for (const handler of handlers) {
    for (const expression of triggersOf(handler)) expressions.add(normalizeCronExpression(expression));
  }
  return [...expressions].sort();
}

/**
 * Which handlers each expression runs, for build output and diagnostics: expression → sorted
 * handler names. Needs named handlers (`collectHandlers` results).
 *
 * @example
 * cronSchedule(collectHandlers(modules)).get("0 3 * * *"); // ["cleanup/purgeDone", "reports/nightly"]
 */
export function cronSchedule(handlers: Iterable<CollectedHandler>): Map<string, string[]> {
  const schedule = new Map<string, string[]>();
  for (const handler of handlers) {
    for (const expression of triggersOf(handler)) {
      const key = normalizeCronExpression(expression);
      const names = schedule.get(key) ?? [];
      if (!names.includes(handler.name)) names.push(handler.name);
      schedule.set(key, names);
    }
  }
  for (const names of schedule.values()) names.sort();
  return new Map([...schedule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function triggersOf(source: CronSource): readonly string[] {
  const value = "definition" in source ? source.definition : source;
  if (value.kind !== "cron") return [];
  return "cronTrigger" in value && value.cronTrigger ? value.cronTrigger : [];
}
