import type { ErrorCode } from '#shared/error-codes.js';
import type { FieldError, Problem } from '#shared/problem.schema.js';

/** A problem+json answer from the API, typed so screens can react to its stable `code`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  /** What `detail` says as data (src/shared/problem-facts.ts), for the refusals that carry it. */
  readonly facts: Readonly<Record<string, unknown>> | undefined;
  /** Seconds to wait before retrying, from `Retry-After` on 429 and 503 answers. */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.requestId = problem.request_id;
    this.fieldErrors = problem.errors ?? [];
    this.facts = problem.facts;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The server could not be reached at all (connection refused, DNS, offline). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** Whether retrying the same request could succeed: network failures and 5xx, never 4xx. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiError && error.status >= 500;
}
