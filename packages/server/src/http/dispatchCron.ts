import type { AnyHandlerDefinition } from "../handlers/HandlerDefinition";
import { normalizeCronExpression } from "../handlers/normalizeCronTriggers";
import type { HandlerEngine } from "./HandlerEngine";

type CronDefinition = Extract<AnyHandlerDefinition, { kind: "cron" }>;

/**
 * `worker.scheduled`: runs every cron handler that lists the fired expression (docs/jobs-and-cron.md),
 * concurrently. A failure is logged with the handler name and does not stop the others; once all
 * have settled, failures are re-thrown as one `AggregateError` naming the failed handlers, so
 * Cloudflare records the run as failed. An expression no handler lists (a trigger left in
 * wrangler.json after its handler was removed) logs a warning and runs nothing.
 *
 * @returns the names of the handlers that ran (when none failed)
 * @throws AggregateError whose `errors` are the failed handlers' errors
 */
export async function dispatchCron<Env>(
  cron: string,
  env: Env,
  executionCtx: ExecutionContext | undefined,
  crons: ReadonlyMap<string, CronDefinition>,
  engine: HandlerEngine<Env>,
): Promise<{ ran: string[] }> {
  const fired = normalizeCronExpression(cron);
  const due = [...crons].filter(([, definition]) => definition.cronTrigger.includes(fired));
  if (due.length === 0) {
    console.warn(
      `[appflare] cron trigger "${fired}" fired but no cron handler lists it; remove it from wrangler.json triggers.crons (appflare build regenerates the list)`,
    );
    return { ran: [] };
  }
  const failures: { name: string; error: unknown }[] = [];
  await Promise.all(
    due.map(async ([name, definition]) => {
      try {
        await engine.runJob({ kind: "cron", name, definition, rawArgs: undefined, env, executionCtx });
      } catch (error) {
        failures.push({ name, error });
        console.error(`[appflare] cron handler "${name}" failed on "${fired}":`, error);
      }
    }),
  );
  if (failures.length > 0) {
    const names = failures.map((f) => `"${f.name}"`).join(", ");
    throw new AggregateError(
      failures.map((f) => f.error),
      `[appflare] cron "${fired}": ${failures.length} of ${due.length} handler(s) failed: ${names}`,
    );
  }
  return { ran: due.map(([name]) => name) };
}
