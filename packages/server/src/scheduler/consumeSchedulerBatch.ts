import { AppflareError } from "../errors/AppflareError";
import { type ArgsDef, argsSchema } from "../handlers/args";
import { exponentialBackoff, type RetryDelay } from "./retryDelay";
import { isSchedulerMessageBody, type SchedulerJob } from "./SchedulerMessage";
import { UnknownTaskError } from "./UnknownTaskError";

/** The part of a scheduler handler definition the consumer needs (the runner gets the whole thing). */
export interface SchedulerTaskDefinition {
  readonly args: ArgsDef;
}

/** One task run the consumer asks the runtime for: run `definition` with `payload` and `ctx.job = job`. */
export interface TaskRun<Env, D extends SchedulerTaskDefinition = SchedulerTaskDefinition> {
  readonly task: string;
  readonly definition: D;
  /** The payload as enqueued (already checked against the args; the runner parses it again). */
  readonly payload: unknown;
  readonly job: SchedulerJob;
  readonly env: Env;
  readonly executionCtx: ExecutionContext | undefined;
}

/** Options of {@link consumeSchedulerBatch}. */
export interface ConsumeOptions<Env, D extends SchedulerTaskDefinition = SchedulerTaskDefinition> {
  /** Scheduler handlers by task name. */
  readonly tasks: ReadonlyMap<string, D>;
  /** Runs one task with a full job context (db, env, scheduler; `user` null) and publishes its events. */
  readonly run: (run: TaskRun<Env, D>) => Promise<void>;
  /** `config.scheduler.maxRetries`: deliveries after the first one before a message is dead-lettered. */
  readonly maxRetries: number;
  /** Producer binding of the dead-letter queue (see the scheduler README), if the Worker has one. */
  readonly deadLetter?: Queue | undefined;
  /**
   * `config.scheduler.deadLetterQueue`: with a queue name but no binding, failed messages are handed
   * back to Queues (`retry()`), whose consumer `dead_letter_queue` setting moves them there.
   */
  readonly deadLetterQueue?: string | null;
  /** Delay before each retry. Default `exponentialBackoff()` (10 s, 20 s, 40 s, … ≤ 15 min). */
  readonly retryDelay?: RetryDelay;
}

/** What happened to one message. */
export interface MessageOutcome {
  readonly messageId: string;
  readonly task: string | undefined;
  readonly outcome: "acked" | "retried" | "dead-lettered" | "dropped";
  /** Set for retries: the delay asked for. */
  readonly delaySeconds?: number;
  readonly error?: string;
}

/** Body sent to the dead-letter queue: the original message plus why it failed. */
export interface DeadLetterBody {
  readonly task?: string;
  readonly payload?: unknown;
  readonly enqueuedAt?: number;
  readonly id?: string;
  /** The original body when it was not a scheduler message. */
  readonly original?: unknown;
  readonly failure: {
    readonly reason: "retries_exhausted" | "invalid_payload" | "malformed_message";
    readonly error: string;
    readonly attempts: number;
    readonly failedAt: number;
    readonly queue: string;
  };
}

type Failure = { permanent: boolean; reason: DeadLetterBody["failure"]["reason"]; error: unknown };

/**
 * `worker.queue` for scheduler messages, one message at a time in delivery order:
 * - success → `ack()`;
 * - a throwing task, or an unknown task name (during a deploy the new code may not be live yet) →
 *   `retry({ delaySeconds })` with exponential backoff while `attempts ≤ maxRetries`, then dead-letter;
 * - a payload its task's args reject, or a body that is not a scheduler message → dead-letter at
 *   once (no retry can fix it).
 *
 * Dead-lettering sends the message plus a `failure` record to the `deadLetter` binding and acks it;
 * without a binding but with `deadLetterQueue` configured it calls `retry()` and lets Queues move it
 * once its own `max_retries` is spent; with neither, it logs the message and drops it (acks).
 * Every failure is logged with the task name, message id and attempt. Delivery is at least once, so
 * tasks must be idempotent (`ctx.job.id` is stable across redeliveries).
 *
 * @example
 * queue: (batch, env, ctx) =>
 *   consumeSchedulerBatch(batch, env, ctx, { tasks, maxRetries: 3, deadLetter: env.APPFLARE_QUEUE_DLQ, run })
 */
export async function consumeSchedulerBatch<Env, D extends SchedulerTaskDefinition>(
  batch: MessageBatch,
  env: Env,
  executionCtx: ExecutionContext | undefined,
  options: ConsumeOptions<Env, D>,
): Promise<MessageOutcome[]> {
  const retryDelay = options.retryDelay ?? exponentialBackoff();
  const outcomes: MessageOutcome[] = [];
  for (const message of batch.messages) {
    const body: unknown = message.body;
    const task = isSchedulerMessageBody(body) ? body.task : undefined;
    const failure = await runMessage(message, env, executionCtx, options);
    if (failure === null) {
      message.ack();
      outcomes.push({ messageId: message.id, task, outcome: "acked" });
      continue;
    }
    const error = describe(failure.error);
    const exhausted = !failure.permanent && message.attempts > options.maxRetries;
    console.error(
      `[appflare] scheduler task ${task === undefined ? "(malformed message)" : `"${task}"`} failed ` +
        `(queue "${batch.queue}", message ${message.id}, attempt ${message.attempts}/${options.maxRetries + 1}` +
        `${failure.permanent ? ", not retryable" : exhausted ? ", retries exhausted" : ""}): ${error}`,
    );
    if (!failure.permanent && !exhausted) {
      const delaySeconds = retryDelay(message.attempts);
      message.retry({ delaySeconds });
      outcomes.push({ messageId: message.id, task, outcome: "retried", delaySeconds, error });
      continue;
    }
    const reason = exhausted ? "retries_exhausted" : failure.reason;
    outcomes.push({
      messageId: message.id,
      task,
      error,
      ...(await deadLetter(message, batch.queue, reason, error, options)),
    });
  }
  return outcomes;
}

async function runMessage<Env, D extends SchedulerTaskDefinition>(
  message: Message,
  env: Env,
  executionCtx: ExecutionContext | undefined,
  options: ConsumeOptions<Env, D>,
): Promise<Failure | null> {
  const body: unknown = message.body;
  if (!isSchedulerMessageBody(body)) {
    return {
      permanent: true,
      reason: "malformed_message",
      error: new TypeError("not a scheduler message body"),
    };
  }
  const definition = options.tasks.get(body.task);
  if (definition === undefined) {
    const known = [...options.tasks.keys()].sort();
    return { permanent: false, reason: "retries_exhausted", error: new UnknownTaskError(body.task, known) };
  }
  const parsed = await argsSchema(definition.args).safeParseAsync(body.payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
    return {
      permanent: true,
      reason: "invalid_payload",
      error: new TypeError(
        `invalid payload for "${body.task}": ${where}${first?.message ?? "invalid input"}`,
      ),
    };
  }
  const job: SchedulerJob = {
    id: body.id,
    task: body.task,
    attempts: message.attempts,
    enqueuedAt: new Date(body.enqueuedAt),
  };
  try {
    await options.run({ task: body.task, definition, payload: body.payload, job, env, executionCtx });
    return null;
  } catch (error) {
    return { permanent: false, reason: "retries_exhausted", error };
  }
}

async function deadLetter<Env, D extends SchedulerTaskDefinition>(
  message: Message,
  queue: string,
  reason: DeadLetterBody["failure"]["reason"],
  error: string,
  options: ConsumeOptions<Env, D>,
): Promise<Pick<MessageOutcome, "outcome">> {
  const body: unknown = message.body;
  if (options.deadLetter) {
    const failure = { reason, error, attempts: message.attempts, failedAt: Date.now(), queue };
    const letter: DeadLetterBody = isSchedulerMessageBody(body)
      ? { ...body, failure }
      : { original: body, failure };
    try {
      await options.deadLetter.send(letter);
      message.ack();
      return { outcome: "dead-lettered" };
    } catch (sendError) {
      // Keep the message rather than lose it: Queues redelivers it and we try again.
      console.error(
        `[appflare] could not dead-letter message ${message.id}; it will be redelivered:`,
        sendError,
      );
      message.retry();
      return { outcome: "retried" };
    }
  }
  if (options.deadLetterQueue) {
    message.retry();
    return { outcome: "retried" };
  }
  console.error(`[appflare] dropping message ${message.id} (no dead-letter queue configured):`, body);
  message.ack();
  return { outcome: "dropped" };
}

function describe(error: unknown): string {
  if (error instanceof AppflareError) return `${error.status} ${JSON.stringify(error.body)}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
