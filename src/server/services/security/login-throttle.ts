/**
 * Slows down repeated login failures for one account from one address: after `freeAttempts` failures,
 * each further attempt must wait twice as long as the last (capped). Kept in memory per process; the
 * Redis-backed rate limits of the scale-out mode bound the total across instances.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lastAt: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly freeAttempts = 5,
    private readonly maxDelaySeconds = 900,
  ) {}

  /** Seconds the caller must still wait before trying `key` again (0 when it may try now). */
  retryAfterSeconds(key: string): number {
    const entry = this.failures.get(key);
    if (!entry || entry.count < this.freeAttempts) return 0;
    const delay = Math.min(2 ** (entry.count - this.freeAttempts), this.maxDelaySeconds);
    const waited = (this.now() - entry.lastAt) / 1000;
    return waited >= delay ? 0 : Math.ceil(delay - waited);
  }

  recordFailure(key: string): void {
    const entry = this.failures.get(key);
    this.failures.set(key, { count: (entry?.count ?? 0) + 1, lastAt: this.now() });
    if (this.failures.size > 100_000) this.forgetStale();
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private forgetStale(): void {
    const cutoff = this.now() - this.maxDelaySeconds * 1000;
    for (const [key, entry] of this.failures) if (entry.lastAt < cutoff) this.failures.delete(key);
  }
}
