import type { TsRow } from "./codec";

/**
 * One `ctx.db` write, as the realtime layer sees it. `before` holds the affected rows as they were
 * (read in the same D1 batch as the write), `after` as they are (RETURNING). Recorded per write in
 * `ctx.mutationEvents` and published only after the write committed.
 */
export interface MutationEvent {
  readonly kind: "insert" | "update" | "upsert" | "delete";
  readonly table: string;
  readonly args: unknown;
  readonly before: readonly TsRow[];
  readonly after: readonly TsRow[];
}
