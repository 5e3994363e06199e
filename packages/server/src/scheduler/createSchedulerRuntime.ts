import type { ResolvedConfig } from "../config/ResolvedConfig";
import type { DbRuntime } from "../db/DbRuntime";
import { collectHandlers, type HandlerModules } from "../handlers/collectHandlers";
import type { AnyHandlerDefinition } from "../handlers/HandlerDefinition";
import { consumeSchedulerBatch, type MessageOutcome, type TaskRun } from "./consumeSchedulerBatch";
import { createScheduler } from "./createScheduler";
import type { RetryDelay } from "./retryDelay";
import type { Scheduler, SchedulerContext } from "./Scheduler";
import type { SchedulerJob } from "./SchedulerMessage";

/** A scheduler handler definition as `collectHandlers` finds it (handler parameter types erased). */
export type SchedulerTaskHandler = Extract<AnyHandlerDefinition, { kind: "scheduler" }>;

/** Options of {@link createSchedulerRuntime}. */
export interface SchedulerRuntimeOptions {
  /** The resolved config: `scheduler` (binding, maxRetries, deadLetterQueue) is read. */
  readonly config: Pick<ResolvedConfig, "scheduler">;
  /** The app's handler modules (the generated `api.ts` `modules`). */
  readonly modules: HandlerModules;
  /** Delay before each retry; default 10 s doubling, ≤ 15 min. */
  readonly retryDelay?: RetryDelay;
}

/** What a context extension is told: the call's bindings and `ctx.db` state, and the message if any. */
export interface SchedulerContextInfo<Env> {
  /** Handler kind and name (`hooks.extendContext` info): queries may not enqueue. */
  readonly kind?: string;
  readonly name?: string;
  readonly env: Env;
  readonly runtime: DbRuntime;
  /** Set when the call is a scheduler task run by the consumer. */
  readonly job?: SchedulerJob;
}

/** The scheduler layer of one Worker. */
export interface SchedulerRuntime<Env extends object = Cloudflare.Env> {
  /** Scheduler handlers by task name. */
  readonly tasks: ReadonlyMap<string, SchedulerTaskHandler>;
  /** Producer binding name (`config.scheduler.binding`). */
  readonly binding: string;
  /** Producer binding of the dead-letter queue the consumer sends to: `<binding>_DLQ`. */
  readonly deadLetterBinding: string;
  /** `ctx.scheduler` (built on first use) and, for task runs, `ctx.job`, for `hooks.extendContext`. */
  contextFields(info: SchedulerContextInfo<Env>): SchedulerContext;
  /** `worker.queue`: dispatches a batch, `run` executing each task with a job context. */
  consume(
    batch: MessageBatch,
    env: Env,
    executionCtx: ExecutionContext | undefined,
    run: (run: TaskRun<Env, SchedulerTaskHandler>) => Promise<void>,
  ): Promise<MessageOutcome[]>;
}

/**
 * Creates the scheduler layer: `ctx.scheduler.enqueue` for every handler and the Queues consumer.
 * The dead-letter producer binding is `<binding>_DLQ` (`APPFLARE_QUEUE_DLQ`): present, the consumer
 * sends exhausted messages there itself with a failure record; absent, Queues' own
 * `dead_letter_queue` setting applies.
 *
 * @example
 * const scheduler = createSchedulerRuntime({ config: resolveConfig(config), modules });
 * // hooks.extendContext: (_ctx, info) => scheduler.contextFields(info)
 * // worker.queue: (batch, env, ctx) => scheduler.consume(batch, env, ctx, (run) => engine.runJob(...))
 */
export function createSchedulerRuntime<Env extends object = Cloudflare.Env>(
  options: SchedulerRuntimeOptions,
): SchedulerRuntime<Env> {
  const { scheduler } = options.config;
  const tasks = new Map<string, SchedulerTaskHandler>();
  for (const handler of collectHandlers(options.modules)) {
    if (handler.definition.kind === "scheduler") tasks.set(handler.name, handler.definition);
  }
  const deadLetterBinding = `${scheduler.binding}_DLQ`;
  const binding = (env: Env, name: string): Queue | undefined => {
    const value = (env as Record<string, unknown>)[name];
    return typeof value === "object" && value !== null ? (value as Queue) : undefined;
  };

  return {
    tasks,
    binding: scheduler.binding,
    deadLetterBinding,
    contextFields: (info) => {
      let built: Scheduler | undefined;
      const fields: { readonly scheduler: Scheduler; readonly job?: SchedulerJob } = {
        get scheduler() {
          built ??=
            refusal(info, scheduler.enabled) ??
            createScheduler({
              tasks,
              queue: binding(info.env, scheduler.binding),
              binding: scheduler.binding,
              runtime: info.runtime,
            });
          return built;
        },
      };
      return info.job === undefined
        ? fields
        : Object.defineProperty(fields, "job", { value: info.job, enumerable: true });
    },
    consume: (batch, env, executionCtx, run) =>
      consumeSchedulerBatch(batch, env, executionCtx, {
        tasks,
        run,
        maxRetries: scheduler.maxRetries,
        deadLetter: binding(env, deadLetterBinding),
        deadLetterQueue: scheduler.deadLetterQueue,
        ...(options.retryDelay ? { retryDelay: options.retryDelay } : {}),
      }),
  };
}

/**
 * A scheduler whose `enqueue` always rejects, for calls that may not enqueue: the scheduler is off,
 * or the call is a query — queries re-run for every realtime subscriber after every relevant write,
 * so a message sent from one would be sent again and again.
 */
function refusal(info: SchedulerContextInfo<unknown>, enabled: boolean | "auto"): Scheduler | undefined {
  let reason: string | undefined;
  if (enabled === false) {
    reason = "config.scheduler.enabled is false; remove it (or set it to true) to enqueue tasks";
  } else if (info.kind === "query") {
    reason = `"${info.name ?? "?"}" is a query, and queries re-run for realtime subscriptions; enqueue from a mutation, a scheduler task or a cron handler`;
  }
  if (reason === undefined) return undefined;
  const message = reason;
  return {
    enqueue: (async (name: string) => {
      throw new Error(`ctx.scheduler.enqueue("${name}") is not allowed here: ${message}`);
    }) as Scheduler["enqueue"],
  };
}
