// A fixed-window rate limit for the contract fakes, as most networks document theirs: so many requests per
// window per key (an account, a channel, a webhook), the window opening with its first request. Each fake
// turns a verdict into its network's own answer (X's x-rate-limit-*, Mastodon's X-RateLimit-*, Telegram's
// `retry_after`, ...). It also keeps score for benches and tests: a request refused because the window is
// full is an answered 429; one arriving after a 429 and before that window's reset is a violation, a
// request a client that honours the network's answer never makes.

/** So many requests per window (ms), per key. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** One request's fate, with what the network reports about the window. */
export interface RateLimitVerdict {
  ok: boolean;
  limit: number;
  /** Requests left in the window after this one. */
  remaining: number;
  /** When the window ends (epoch ms). */
  resetAtMs: number;
  /** Milliseconds until then. */
  resetAfterMs: number;
}

interface Window {
  start: number;
  used: number;
  /** Set once the window answered a 429: requests before the reset are violations from then on. */
  refused: boolean;
}

/**
 * @example
 * const limiter = new FixedWindowLimiter({ limit: 300, windowMs: 300_000 });
 * const verdict = limiter.take(`account:${accountId}`);
 * if (!verdict.ok) return tooManyRequests(verdict);
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();
  /** Requests let through. */
  accepted = 0;
  /** Requests refused with a 429 (the window was full). */
  refused = 0;
  /** Requests made after a 429 and before its window's reset: a well-behaved client makes none. */
  violations = 0;

  constructor(
    readonly rule: RateLimitRule,
    private readonly now: () => number = () => Date.now(),
  ) {}

  take(key: string): RateLimitVerdict {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.rule.windowMs) {
      window = { start: now, used: 0, refused: false };
      this.windows.set(key, window);
    }
    const ok = window.used < this.rule.limit;
    if (ok) {
      window.used += 1;
      this.accepted += 1;
    } else {
      if (window.refused) this.violations += 1;
      window.refused = true;
      this.refused += 1;
    }
    const resetAtMs = window.start + this.rule.windowMs;
    return {
      ok,
      limit: this.rule.limit,
      remaining: this.rule.limit - window.used,
      resetAtMs,
      resetAfterMs: resetAtMs - now,
    };
  }
}

/** Whole seconds until the reset, rounded up (networks that say it in seconds never say too early). */
export function secondsUntil(verdict: RateLimitVerdict): number {
  return Math.max(1, Math.ceil(verdict.resetAfterMs / 1000));
}

/** The reset as epoch seconds, rounded up. */
export function resetEpochSeconds(verdict: RateLimitVerdict): number {
  return Math.ceil(verdict.resetAtMs / 1000);
}
