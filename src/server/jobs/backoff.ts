/** How long to wait before retrying; exponential from `baseMs`, capped at `maxMs`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** The production policy: 10 s, 20 s, 40 s … up to an hour. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 3_600_000 };

/**
 * The delay after failed attempt number `attempt` (1-based): base × 2^(attempt − 1), capped. BullMQ's
 * `exponential` backoff computes the same, so both queues retry on the same schedule.
 *
 * @example
 * backoffDelay(3, { baseMs: 1000, maxMs: 60_000 }); // 4000
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
}
