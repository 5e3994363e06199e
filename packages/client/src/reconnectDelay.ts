/** Backoff settings of {@link reconnectDelay}. */
export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  /** Uniform in [0, 1). */
  readonly random: () => number;
}

/**
 * Delay before reconnect attempt `attempt` (0-based): `initialMs · 2^attempt` capped at `maxMs`, then
 * jittered into its upper half so a fleet of clients dropped together does not reconnect together.
 *
 * @example
 * reconnectDelay(0, { initialMs: 1000, maxMs: 16000, random: Math.random }); // 500–1000 ms
 * reconnectDelay(9, { initialMs: 1000, maxMs: 16000, random: Math.random }); // 8000–16000 ms
 */
export function reconnectDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + (ceiling / 2) * options.random();
}
