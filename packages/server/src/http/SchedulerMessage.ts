/**
 * Body of a Cloudflare Queues message that runs a scheduler task: `ctx.scheduler.enqueue(name,
 * payload)` sends one, `worker.queue` dispatches it to the scheduler handler called `name`.
 */
export interface SchedulerMessage {
  /** Scheduler handler name (`jobs/sendDigest`). */
  readonly name: string;
  /** Validated with the scheduler's `args`. */
  readonly payload?: unknown;
}

/** Type guard for a {@link SchedulerMessage} body. */
export function isSchedulerMessage(body: unknown): body is SchedulerMessage {
  return typeof body === "object" && body !== null && typeof (body as { name?: unknown }).name === "string";
}
