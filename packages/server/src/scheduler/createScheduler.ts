import type { DbRuntime } from "../db/DbRuntime";
import { afterCommit, currentTransaction } from "../db/write/transactionScope";
import { InvalidArgsError } from "../errors/AppflareError";
import { type ArgsDef, argsSchema } from "../handlers/args";
import type { EnqueuedMessage, EnqueueOptions, Scheduler } from "./Scheduler";
import type { SchedulerMessageBody } from "./SchedulerMessage";
import { UnknownTaskError } from "./UnknownTaskError";

/** The part of a scheduler handler definition the producer needs. */
export interface SchedulerTaskArgs {
  readonly args: ArgsDef;
}

/** Everything one call's `ctx.scheduler` is built from. */
export interface SchedulerSetup {
  /** Scheduler handlers by task name. */
  readonly tasks: ReadonlyMap<string, SchedulerTaskArgs>;
  /** The producer binding, `undefined` when the Worker has none. */
  readonly queue: Queue | undefined;
  /** Its binding name, for error messages. */
  readonly binding: string;
  /** The call's `ctx.db` state: sends wait for its running transaction. */
  readonly runtime: DbRuntime;
}

const MAX_DELAY_SECONDS = 43_200;

/**
 * `ctx.scheduler` for one handler call. `enqueue` validates the payload with the task's args, then
 * sends `{ task, payload, enqueuedAt, id }` to the queue — right away, or inside `ctx.db.transaction`
 * once the transaction committed (never if it throws). Outside a transaction each `ctx.db` write has
 * already committed when the next line runs, so sending at once keeps "writes first, then messages".
 *
 * @example
 * const scheduler = createScheduler({ tasks, queue: env.APPFLARE_QUEUE, binding: "APPFLARE_QUEUE", runtime });
 * await scheduler.enqueue("mail/sendDigest", { userId: "u1" }, { delaySeconds: 30 });
 */
export function createScheduler<Tasks = Record<string, unknown>>(setup: SchedulerSetup): Scheduler<Tasks> {
  const enqueue = async (
    name: string,
    payload?: unknown,
    options?: EnqueueOptions,
  ): Promise<EnqueuedMessage> => {
    const task = setup.tasks.get(name);
    if (task === undefined) throw new UnknownTaskError(name, [...setup.tasks.keys()].sort());
    const delaySeconds = checkDelay(name, options?.delaySeconds);
    const sent = payload ?? {};
    await validatePayload(name, task.args, sent);
    checkCloneable(name, sent);
    const queue = setup.queue;
    if (queue === undefined || typeof queue.send !== "function") {
      throw new Error(
        `ctx.scheduler.enqueue("${name}"): the Queue binding "${setup.binding}" is missing from the Worker env. ` +
          "appflare build adds it to wrangler.json when a scheduler handler exists; otherwise set config.scheduler.binding.",
      );
    }
    const body: SchedulerMessageBody = {
      task: name,
      payload: sent,
      enqueuedAt: Date.now(),
      id: crypto.randomUUID(),
    };
    const deferred = currentTransaction(setup.runtime) !== undefined;
    await afterCommit(setup.runtime, async () => {
      await queue.send(body, delaySeconds === undefined ? undefined : { delaySeconds });
    });
    return { id: body.id, deferred };
  };
  return { enqueue: enqueue as Scheduler<Tasks>["enqueue"] };
}

async function validatePayload(task: string, args: ArgsDef, payload: unknown): Promise<void> {
  const result = await argsSchema(args).safeParseAsync(payload);
  if (result.success) return;
  const issues = result.error.issues;
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new InvalidArgsError(
    `Invalid payload for scheduler task "${task}": ${where}${first?.message ?? "invalid input"}${more}`,
    issues,
  );
}

function checkDelay(task: string, delaySeconds: number | undefined): number | undefined {
  if (delaySeconds === undefined) return undefined;
  if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS) {
    throw new TypeError(
      `ctx.scheduler.enqueue("${task}", ..., { delaySeconds: ${String(delaySeconds)} }): expected an integer from 0 to ${MAX_DELAY_SECONDS} (12 hours, the Queues limit)`,
    );
  }
  return delaySeconds;
}

// Queues clones the body when it sends; inside a transaction that is after the commit, so a payload
// holding a function or a socket would fail far from the enqueue that caused it. Fail here instead.
function checkCloneable(task: string, payload: unknown): void {
  try {
    structuredClone(payload);
  } catch (error) {
    throw new TypeError(
      `ctx.scheduler.enqueue("${task}"): the payload cannot be sent through Queues (${error instanceof Error ? error.message : String(error)}); use plain data`,
    );
  }
}
