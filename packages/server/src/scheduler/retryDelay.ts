/** Options of {@link exponentialBackoff}. */
export interface BackoffOptions {
  /** Delay before the first retry. Default 10 s. */
  readonly baseSeconds?: number;
  /** Upper bound of any delay. Default 900 s (15 min); Queues allows at most 43 200 s. */
  readonly maxSeconds?: number;
}

/** Seconds to wait before redelivering a message that failed on its `attempts`-th delivery. */
export type RetryDelay = (attempts: number) => number;

/**
 * Exponential backoff without jitter: `base · 2^(attempts − 1)`, capped. Deterministic on purpose —
 * Queues already spreads redeliveries, and a predictable schedule is easier to reason about in logs.
 *
 * @example
 * const delay = exponentialBackoff({ baseSeconds: 5 });
 * [1, 2, 3].map(delay); // [5, 10, 20]
 */
export function exponentialBackoff(options: BackoffOptions = {}): RetryDelay {
  const base = options.baseSeconds ?? 10;
  const max = Math.min(options.maxSeconds ?? 900, 43_200);
  return (attempts) => Math.min(max, Math.round(base * 2 ** Math.max(0, attempts - 1)));
}
