/**
 * Per-socket message rate cap: at most `perSecond` messages in any fixed one-second window. Kept in
 * memory only: a hibernated object received no messages, so forgetting the window loses nothing.
 *
 * @example
 * const limiter = new RateLimiter(50);
 * if (!limiter.allow(connectionId)) ws.close(CLOSE_CODES.rateLimited, "rate limit");
 */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perSecond: number) {}

  allow(id: string, now = Date.now()): boolean {
    const window = this.#windows.get(id);
    if (window === undefined || now - window.start >= 1000) {
      this.#windows.set(id, { start: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.perSecond;
  }

  forget(id: string): void {
    this.#windows.delete(id);
  }
}
