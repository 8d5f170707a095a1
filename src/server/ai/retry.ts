import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import { AppError } from '../errors/app-error.js';
import { classifyProviderError, type ProviderError } from './provider-errors.js';

/** How hard to try: attempts after the first, and the total time all attempts may take. */
export interface RetryPolicy {
  retries: number;
  budgetMs: number;
  /** First backoff; doubles each time, with jitter (p-retry's `randomize`). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Run `call` and retry it on 429, 5xx, connection errors and timeouts with exponential backoff and jitter,
 * waiting at least a `Retry-After` the provider sent; never beyond `budgetMs` in total, and never after
 * `signal` aborts. Resolves with the result and the number of attempts; rejects with a `ProviderError`
 * carrying the attempts too.
 */
export async function withRetries<T>(
  call: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<{ value: T; attempts: number }> {
  const startedAt = Date.now();
  let attempts = 0;
  try {
    const value = await pRetry(
      async () => {
        attempts += 1;
        try {
          return await call(attempts);
        } catch (error) {
          // Our own refusal (the budget) is not a provider failure: stop at once and keep it as it is.
          if (error instanceof AppError) throw new AbortError(error);
          throw classifyProviderError(error, signal);
        }
      },
      {
        retries: policy.retries,
        factor: 2,
        minTimeout: policy.minDelayMs ?? 500,
        maxTimeout: policy.maxDelayMs ?? 10_000,
        randomize: true,
        maxRetryTime: policy.budgetMs,
        signal,
        shouldRetry: ({ error }) => {
          const failure = error as ProviderError;
          if (!failure.retryable) return false;
          const left = policy.budgetMs - (Date.now() - startedAt);
          return (failure.options.retryAfterMs ?? 0) < left;
        },
        onFailedAttempt: async ({ error, retriesLeft }) => {
          const retryAfterMs = (error as ProviderError).options?.retryAfterMs;
          if (retriesLeft > 0 && retryAfterMs)
            await sleep(retryAfterMs, undefined, { signal }).catch(() => {});
        },
      },
    );
    return { value, attempts };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const failure = classifyProviderError(error, signal);
    throw Object.assign(failure, { attempts });
  }
}

/** The attempts a failed `withRetries` made (1 when it failed before retrying). */
export function attemptsOf(error: unknown): number {
  const attempts = (error as { attempts?: unknown } | null)?.attempts;
  return typeof attempts === 'number' ? attempts : 1;
}
