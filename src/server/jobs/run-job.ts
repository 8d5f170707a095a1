import type { JobContext, JobDefinition, JobHandler } from './job-types.js';

/** Thrown by a handler when trying again cannot help (a 4xx from a webhook, say): the job goes dead at once. */
export class UnrecoverableJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnrecoverableJobError';
  }
}

/**
 * Thrown by a handler when the outside world named a time to come back (a network's rate-limit reset,
 * a Retry-After): the retry comes after `delayMs` exactly, instead of the usual backoff — a reset is
 * known, not guessed, and waiting past it only delays the post. It still spends an attempt.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/**
 * Thrown by a handler that did nothing because the outside world is not ready for it yet (an account
 * whose rate-limit window is exhausted): the job runs again after `delayMs` exactly, and this run does
 * not count as an attempt. Only for runs that made no request, so a job cannot spend requests forever.
 */
export class PostponeJobError extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'PostponeJobError';
  }
}

/** How one attempt ended; `retryAfterMs`: the wait before the next attempt, when the handler named one. */
export type RunOutcome =
  | { kind: 'succeeded'; result: unknown }
  | { kind: 'failed'; error: string; unrecoverable: boolean; retryAfterMs?: number }
  | { kind: 'postponed'; reason: string; delayMs: number }
  | { kind: 'aborted'; reason: unknown };

/** What the queue knows about the attempt it is starting. */
export interface RunRequest {
  jobId: string;
  businessId: string | null;
  payload: unknown;
  attempt: number;
  signal: AbortSignal;
  reportProgress: JobContext['reportProgress'];
  afterSettled: JobContext['afterSettled'];
}

const MAX_ERROR_LENGTH = 2_000;

/**
 * Run one attempt of a job: validate the payload again (it may have been stored by an older version),
 * call the handler, and settle as soon as the signal aborts even if the handler ignores it, so a drain
 * never waits on a handler that does not listen.
 */
export async function runJob(
  entry: { definition: JobDefinition; handler: JobHandler },
  request: RunRequest,
): Promise<RunOutcome> {
  const parsed = entry.definition.payload.safeParse(request.payload);
  if (!parsed.success) {
    return { kind: 'failed', error: `Invalid payload: ${parsed.error.message}`, unrecoverable: true };
  }
  const { signal } = request;
  if (signal.aborted) return { kind: 'aborted', reason: signal.reason };
  const context: JobContext = {
    jobId: request.jobId,
    businessId: request.businessId,
    attempt: request.attempt,
    signal,
    reportProgress: (pct, message) => request.reportProgress(clampProgress(pct), message),
    afterSettled: request.afterSettled,
  };
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<RunOutcome>((resolve) => {
    onAbort = () => resolve({ kind: 'aborted', reason: signal.reason });
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const ran = entry.handler(parsed.data, context).then(
    (result): RunOutcome => ({ kind: 'succeeded', result: result ?? null }),
    (error: unknown): RunOutcome =>
      signal.aborted
        ? { kind: 'aborted', reason: signal.reason }
        : error instanceof PostponeJobError
          ? { kind: 'postponed', reason: error.message, delayMs: Math.max(0, error.delayMs) }
          : {
              kind: 'failed',
              error: describeError(error),
              unrecoverable: error instanceof UnrecoverableJobError,
              ...(error instanceof RetryLaterError ? { retryAfterMs: Math.max(0, error.delayMs) } : {}),
            },
  );
  try {
    return await Promise.race([ran, aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function clampProgress(pct: number): number {
  return Number.isFinite(pct) ? Math.min(100, Math.max(0, Math.round(pct))) : 0;
}

/** The error as `last_error` stores it: its message, bounded. */
export function describeError(error: unknown): string {
  const message =
    error instanceof Error
      ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`
      : String(error);
  return message.slice(0, MAX_ERROR_LENGTH);
}

/**
 * The callbacks handlers registered with `afterSettled` during one attempt, run once the queue has stored
 * the attempt's outcome. A failing callback is logged and does not stop the others.
 */
export class SettledCallbacks {
  private readonly callbacks: (() => void)[] = [];

  readonly add = (callback: () => void): void => {
    this.callbacks.push(callback);
  };

  run(onError: (error: unknown) => void): void {
    for (const callback of this.callbacks.splice(0)) {
      try {
        callback();
      } catch (error) {
        onError(error);
      }
    }
  }

  /** Forget them: the run was handed back or postponed, and the job's state did not move. */
  drop(): void {
    this.callbacks.length = 0;
  }
}
