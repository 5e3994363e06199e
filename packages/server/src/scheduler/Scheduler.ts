import type { SchedulerJob } from "./SchedulerMessage";

/** Options of `ctx.scheduler.enqueue`. */
export interface EnqueueOptions {
  /** Seconds before the first delivery: an integer from 0 to 43 200 (12 h, the Queues maximum). */
  readonly delaySeconds?: number;
}

/** What `ctx.scheduler.enqueue` resolves to. */
export interface EnqueuedMessage {
  /** The message id (`ctx.job.id` in the task). */
  readonly id: string;
  /** `true` when the send waits for the enclosing `ctx.db.transaction` to commit. */
  readonly deferred: boolean;
}

/**
 * Payload and options of one enqueue: the payload may be left out when the task needs none. A name
 * that is no task gives `never`, and then the arity stays open so TypeScript reports the name itself.
 */
export type EnqueueParams<Payload> = [Payload] extends [never]
  ? [payload?: never, options?: EnqueueOptions]
  : {} extends Payload
    ? [payload?: Payload, options?: EnqueueOptions]
    : [payload: Payload, options?: EnqueueOptions];

/**
 * `ctx.scheduler`: runs scheduler tasks in the background through Cloudflare Queues, typed by task
 * name. Delivery is at least once: a task may run more than once for one enqueue, so it should be
 * idempotent (dedupe on `ctx.job.id`).
 */
export interface Scheduler<Tasks = Record<string, unknown>> {
  /**
   * Validates `payload` with the task's args now (a 400 `invalid_args` naming the task when it does
   * not fit, and nothing is sent) and sends it — inside `ctx.db.transaction`, only once the
   * transaction commits (dropped if it throws).
   *
   * @example
   * await ctx.scheduler.enqueue("mail/sendDigest", { userId }, { delaySeconds: 60 });
   */
  enqueue<N extends keyof Tasks & string>(
    name: N,
    ...params: EnqueueParams<Tasks[N]>
  ): Promise<EnqueuedMessage>;
}

/**
 * What the scheduler adds to contexts: `ctx.scheduler` everywhere, and `ctx.job` (the message being
 * run) in scheduler tasks — `undefined` elsewhere.
 */
export interface SchedulerContext<Tasks = Record<string, unknown>> {
  readonly scheduler: Scheduler<Tasks>;
  readonly job?: SchedulerJob;
}
