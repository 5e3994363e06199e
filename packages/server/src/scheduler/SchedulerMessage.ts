/**
 * Body of the Queues message `ctx.scheduler.enqueue` sends and the consumer dispatches. Sent with
 * Queues' default (structured clone) encoding, so `Date`s and other cloneable values in a payload
 * arrive as they were enqueued.
 */
export interface SchedulerMessageBody {
  /** Scheduler handler name (`mail/sendDigest`). */
  readonly task: string;
  /** The payload as enqueued (validated with the task's args then, and again when consumed). */
  readonly payload: unknown;
  /** Epoch ms at enqueue time. */
  readonly enqueuedAt: number;
  /** Unique per enqueue (not per delivery): stable across retries, so tasks can dedupe on it. */
  readonly id: string;
}

/** What a task learns about the message that runs it (`ctx.job`). */
export interface SchedulerJob {
  /** {@link SchedulerMessageBody.id}: the same on every redelivery of this message. */
  readonly id: string;
  readonly task: string;
  /** 1 on first delivery; grows with each retry. */
  readonly attempts: number;
  readonly enqueuedAt: Date;
}

/**
 * True for a body `ctx.scheduler.enqueue` produced.
 * @example if (!isSchedulerMessageBody(message.body)) message.ack();
 */
export function isSchedulerMessageBody(body: unknown): body is SchedulerMessageBody {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.task === "string" && typeof b.id === "string" && typeof b.enqueuedAt === "number";
}
