/**
 * `ctx.scheduler.enqueue` (or a queued message) named a task no scheduler handler has. Not an
 * `AppflareError`: it is a bug in the app (TypeScript catches it when `ctx.scheduler` is typed), so a
 * request that hits it answers 500 and the log names the task.
 */
export class UnknownTaskError extends Error {
  readonly task: string;

  constructor(task: string, known: readonly string[]) {
    const list =
      known.length > 0 ? `known tasks: ${known.map((k) => `"${k}"`).join(", ")}` : "the app has none";
    super(
      `No scheduler task named "${task}" (${list}). A task is named after its handler: src/mail.ts export sendDigest = scheduler(...) is "mail/sendDigest".`,
    );
    this.name = "UnknownTaskError";
    this.task = task;
  }
}
