import { AppflareError } from "../errors/AppflareError";
import type { AnyHandlerDefinition } from "../handlers/HandlerDefinition";
import type { HandlerEngine } from "./HandlerEngine";
import { isSchedulerMessage } from "./SchedulerMessage";

type SchedulerDefinition = Extract<AnyHandlerDefinition, { kind: "scheduler" }>;

/**
 * `worker.queue`: runs each message's scheduler task, one message at a time (in delivery order).
 * Success acks the message; a failure is logged with the task name and retried, so Queues applies
 * `maxRetries` and then the dead-letter queue. A body that is not a scheduler message is logged and
 * acked (no retry can fix it). With no scheduler handlers this does nothing.
 */
export async function dispatchQueue<Env>(
  batch: MessageBatch,
  env: Env,
  executionCtx: ExecutionContext | undefined,
  schedulers: ReadonlyMap<string, SchedulerDefinition>,
  engine: HandlerEngine<Env>,
): Promise<void> {
  if (schedulers.size === 0) return;
  for (const message of batch.messages) {
    const body = message.body;
    if (!isSchedulerMessage(body)) {
      console.error(
        `[appflare] queue "${batch.queue}": message ${message.id} is not a scheduler message; dropped`,
      );
      message.ack();
      continue;
    }
    const definition = schedulers.get(body.name);
    try {
      // An unknown name is retried: during a deploy the new version may not serve this isolate yet.
      if (!definition) throw new Error(`no scheduler handler named "${body.name}"`);
      await engine.runJob({
        kind: "scheduler",
        name: body.name,
        definition,
        rawArgs: body.payload ?? {},
        env,
        executionCtx,
      });
      message.ack();
    } catch (error) {
      console.error(
        `[appflare] scheduler "${body.name}" failed (message ${message.id}, attempt ${message.attempts}):`,
        error instanceof AppflareError ? error.body : error,
      );
      message.retry();
    }
  }
}
