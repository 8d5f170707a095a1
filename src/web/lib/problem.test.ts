import { describe, expect, it } from 'vitest';
import { parseRetryAfter, toApiError } from './problem.js';
import { problemFromBody } from './problem-body.js';

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('problemFromBody', () => {
  it('keeps a valid problem document as it is', () => {
    const problem = { type: 'about:blank', title: 'Conflict', status: 409, code: 'last_owner' as const };
    expect(problemFromBody(409, problem, null)).toEqual(problem);
  });

  it('types a body that is not a problem (a proxy page) from its status', () => {
    expect(problemFromBody(502, '<html>Bad gateway</html>', 'req-1')).toMatchObject({
      status: 502,
      code: 'internal_error',
      request_id: 'req-1',
    });
    expect(problemFromBody(429, undefined, null).code).toBe('rate_limited');
  });
});

describe('toApiError', () => {
  it('carries field errors and Retry-After', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'about:blank',
        title: 'Too many requests',
        status: 429,
        code: 'rate_limited',
        errors: [{ path: 'body.email', message: 'Taken', code: 'conflict' }],
      }),
      { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '7' } },
    );
    const error = await toApiError(response);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 7 });
    expect(error.fieldErrors).toHaveLength(1);
  });
});
