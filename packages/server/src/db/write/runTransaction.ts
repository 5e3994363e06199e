import type { DbRuntime } from "../DbRuntime";
import { commitWrites } from "./runBatch";
import { enterTransaction, leaveTransaction, TransactionScope } from "./transactionScope";

/**
 * `ctx.db.transaction(async tx => …)`. D1 has no interactive transactions, so: reads inside the
 * callback run immediately against committed data (they do NOT see the writes queued before them);
 * writes are queued as handles and committed together as ONE batch after the callback returns; a throw
 * (or a failing batch) writes nothing and drops the after-commit hooks (e.g. scheduler messages).
 * Returns what the callback returned.
 */
export async function runTransaction<R>(
  runtime: DbRuntime,
  body: (scope: TransactionScope) => Promise<R> | R,
): Promise<R> {
  const scope = new TransactionScope();
  enterTransaction(runtime, scope);
  let value: R;
  try {
    value = await body(scope);
  } finally {
    leaveTransaction(runtime, scope);
  }
  await commitWrites(runtime, scope.writes);
  let failure: { error: unknown } | undefined;
  for (const hook of scope.hooks) {
    try {
      await hook();
    } catch (error) {
      // The data is committed: run every hook, then report the first failure.
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
  return value;
}
