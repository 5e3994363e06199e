import type { AnyHandlerDefinition } from "../handlers/HandlerDefinition";
import { normalizeCronExpression } from "../handlers/normalizeCronTriggers";
import type { HandlerEngine } from "./HandlerEngine";

type CronDefinition = Extract<AnyHandlerDefinition, { kind: "cron" }>;

/**
 * `worker.scheduled`: runs every cron handler that lists the fired expression (api.md §3),
 * concurrently. A failure is logged with the handler name and does not stop the others.
 *
 * @returns the names of the handlers that ran and of those that failed
 */
export async function dispatchCron<Env>(
  cron: string,
  env: Env,
  executionCtx: ExecutionContext | undefined,
  crons: ReadonlyMap<string, CronDefinition>,
  engine: HandlerEngine<Env>,
): Promise<{ ran: string[]; failed: string[] }> {
  const fired = normalizeCronExpression(cron);
  const due = [...crons].filter(([, definition]) => definition.cronTrigger.includes(fired));
  const failed: string[] = [];
  await Promise.all(
    due.map(async ([name, definition]) => {
      try {
        await engine.runJob({ kind: "cron", name, definition, rawArgs: undefined, env, executionCtx });
      } catch (error) {
        failed.push(name);
        console.error(`[appflare] cron handler "${name}" failed on "${fired}":`, error);
      }
    }),
  );
  return { ran: due.map(([name]) => name), failed };
}
