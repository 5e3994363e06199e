import { InvalidQueryError } from "../../errors/AppflareError";
import type { DbRuntime } from "../DbRuntime";
import { executePlans } from "./executePlans";
import { isQueuedWrite, type QueuedWrite } from "./WriteHandle";

/**
 * `ctx.db.batch(tx => [...])`: the callback builds write handles synchronously; they run as ONE D1
 * batch, all or nothing, and the results come back in the callback's order.
 */
export async function runBatch(runtime: DbRuntime, build: () => unknown): Promise<unknown[]> {
  const handles = build();
  if (handles instanceof Promise) {
    throw new InvalidQueryError(
      "ctx.db.batch(tx => [...]) needs the array of writes returned synchronously; for reads before writes use ctx.db.transaction(async tx => ...)",
    );
  }
  if (!Array.isArray(handles) || !handles.every(isQueuedWrite)) {
    throw new InvalidQueryError(
      "ctx.db.batch(tx => [...]) must return an array of tx.<table>.insert/update/upsert/delete(...) results",
    );
  }
  if (new Set(handles).size !== handles.length) {
    throw new InvalidQueryError(
      "ctx.db.batch(tx => [...]) lists the same write twice; call tx.<table>.<write>(...) once per write",
    );
  }
  return commitWrites(runtime, handles);
}

/** Runs queued writes as one batch and hands each handle its rows. */
export async function commitWrites(
  runtime: DbRuntime,
  writes: readonly QueuedWrite<unknown>[],
): Promise<unknown[]> {
  const outcomes = await executePlans(
    runtime,
    writes.map((w) => w.plan),
  );
  writes.forEach((w, i) => {
    w.commit(outcomes[i]!.rows);
  });
  return writes.map((w) => w.result);
}
