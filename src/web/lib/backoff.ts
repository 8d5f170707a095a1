/** Exponential backoff with a cap: 1 s, 2 s, 4 s … up to `maxMs`. */
export function backoffDelayMs(attempt: number, baseMs = 1000, maxMs = 15_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}
