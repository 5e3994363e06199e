import type { DbRuntime } from "../DbRuntime";
import type { QueuedWrite } from "./WriteHandle";

/** A callback to run once a transaction committed. */
export type CommitHook = () => void | Promise<void>;

/** The writes and after-commit hooks of one running `ctx.db.transaction`. */
export class TransactionScope {
  readonly writes: QueuedWrite<unknown>[] = [];
  readonly hooks: CommitHook[] = [];
  /** Set when the callback returned or threw: the transaction takes no more writes. */
  closed = false;
}

// Per request runtime, the transactions whose callbacks are running, innermost last. A WeakMap keeps
// DbRuntime (shared with the HTTP layer) free of transaction state.
const active = new WeakMap<DbRuntime, TransactionScope[]>();

/** Marks `scope` as running on `runtime` until {@link leaveTransaction}. */
export function enterTransaction(runtime: DbRuntime, scope: TransactionScope): void {
  const stack = active.get(runtime) ?? [];
  stack.push(scope);
  active.set(runtime, stack);
}

/** Ends {@link enterTransaction}. */
export function leaveTransaction(runtime: DbRuntime, scope: TransactionScope): void {
  scope.closed = true;
  const stack = active.get(runtime);
  const index = stack?.lastIndexOf(scope) ?? -1;
  if (stack && index >= 0) stack.splice(index, 1);
}

/**
 * Runs `hook` after the innermost running `ctx.db.transaction` of this request commits, and never if
 * it throws or its batch fails; with no transaction running, runs it now. This is how side effects
 * that cannot be rolled back (queue messages, emails) follow the transaction's outcome — the scheduler
 * sends `ctx.scheduler.enqueue` messages through it.
 *
 * The "running" state is per request, not per async call chain: work started concurrently with a
 * transaction callback (e.g. in a `Promise.all` beside it) is also deferred to that commit.
 *
 * @example
 * await afterCommit(runtime, () => env.QUEUE.send(message));
 */
export async function afterCommit(runtime: DbRuntime, hook: CommitHook): Promise<void> {
  const stack = active.get(runtime);
  const scope = stack?.[stack.length - 1];
  if (scope === undefined) {
    await hook();
    return;
  }
  scope.hooks.push(hook);
}

/** The innermost running transaction of this request, if any. */
export function currentTransaction(runtime: DbRuntime): TransactionScope | undefined {
  const stack = active.get(runtime);
  return stack?.[stack.length - 1];
}
