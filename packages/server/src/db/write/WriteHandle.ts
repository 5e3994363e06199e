import { AppflareError } from "../../errors/AppflareError";
import type { MutationEvent } from "../MutationEvent";
import type { WritePlan } from "../WritePlan";

/**
 * A write queued inside `ctx.db.batch(tx => …)` or `ctx.db.transaction(async tx => …)`: compiled and
 * validated when created, executed with the rest of its batch. Its `result` (the rows the write
 * returns) is readable once the batch committed.
 *
 * @example
 * const [tasks, labels] = await ctx.db.batch((tx) => [tx.tasks.insert({ values }), tx.labels.delete({ where })]);
 */
export interface WriteHandle<R> {
  readonly kind: MutationEvent["kind"];
  readonly table: string;
  /** The write's rows. Throws until the batch or transaction that holds it committed. */
  readonly result: R;
}

/** A write handle as the runtime holds it: the plan, and the result once committed. */
export class QueuedWrite<R> implements WriteHandle<R> {
  private value: { readonly rows: R } | undefined;

  constructor(
    readonly kind: MutationEvent["kind"],
    readonly plan: WritePlan,
  ) {}

  get table(): string {
    return this.plan.table;
  }

  get result(): R {
    if (this.value === undefined) {
      throw new AppflareError(500, {
        code: "internal",
        message: `The ${this.kind} on "${this.table}" has not committed yet: read a handle's result after the batch or transaction resolved`,
      });
    }
    return this.value.rows;
  }

  /** Called once, after the batch committed. */
  commit(rows: R): void {
    this.value = { rows };
  }
}

/** `true` for the handles returned by `tx.<table>.insert/update/upsert/delete`. */
export function isQueuedWrite(value: unknown): value is QueuedWrite<unknown> {
  return value instanceof QueuedWrite;
}
