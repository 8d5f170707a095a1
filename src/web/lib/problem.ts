import { type Problem, problemSchema } from '#shared/problem.schema.js';
import { ApiError } from './api-error.js';

/** Reads `Retry-After` as seconds; the HTTP-date form is converted relative to `now`. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Builds an ApiError from a failed response. A body that is not a problem document (a proxy's HTML
 * error page, say) still yields a typed error, so no screen ever has to handle "unknown".
 */
export function problemFromBody(status: number, body: unknown, requestId: string | null): Problem {
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  return {
    type: 'about:blank',
    title: status >= 500 ? 'The server had a problem' : 'The request failed',
    status,
    code: fallbackCode(status),
    ...(requestId ? { request_id: requestId } : {}),
  };
}

function fallbackCode(status: number): Problem['code'] {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'body_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'service_unavailable';
  return status >= 500 ? 'internal_error' : 'malformed_body';
}

/** Turns a non-2xx fetch Response into an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const problem = problemFromBody(response.status, body, response.headers.get('x-request-id'));
  return new ApiError(problem, parseRetryAfter(response.headers.get('retry-after')));
}
