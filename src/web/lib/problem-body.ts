import { type Problem, problemSchema } from '#shared/problem.schema.js';

/**
 * The problem document in a failed response's body. A body that is not one (a proxy's HTML error page,
 * say) still yields a typed problem, so no screen ever has to handle "unknown".
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
