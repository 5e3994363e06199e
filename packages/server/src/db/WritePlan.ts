import type { TsRow } from "./codec";
import type { SqlRow } from "./D1Executor";
import type { MutationEvent } from "./MutationEvent";
import type { Sql } from "./sql";

/**
 * A compiled write: statements that run in order inside ONE D1 batch (before-image reads, guards,
 * the write itself with RETURNING, nested relation writes), and how to turn their results into the
 * write's return value and mutation events. `batch()` and `transaction()` concatenate plans into one
 * batch, so a plan never executes itself.
 */
export interface WritePlan {
  /** The table written (named in constraint errors). */
  readonly table: string;
  readonly statements: readonly Sql[];
  /**
   * `expectRows` guards: statement indexes (into `statements`) that fail the batch when the affected
   * count is out of range, with the count query used to report `actual` after a failure.
   */
  readonly guards: readonly WriteGuard[];
  /** Interprets the results of `statements` (same order and length). */
  finish(results: readonly SqlRow[][]): WriteOutcome;
}

export interface WriteGuard {
  readonly statementIndex: number;
  readonly expected: number | { min?: number; max?: number };
  /** `SELECT count(*) AS n ...` over the same rows, run only after a failed batch to report `actual`. */
  readonly countStatement: Sql;
}

export interface WriteOutcome {
  readonly rows: TsRow[];
  readonly events: MutationEvent[];
}
