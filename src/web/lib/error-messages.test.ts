import { describe, expect, it } from 'vitest';
import type { Problem } from '#shared/problem.schema.js';
import { ApiError, NetworkError } from './api-error.js';
import { describeError } from './error-messages.js';

const problem = (overrides: Partial<Problem>): Problem => ({
  type: 'about:blank',
  title: 'Error',
  status: 400,
  code: 'validation_failed',
  ...overrides,
});

describe('describeError', () => {
  it('says how long to wait when rate limited', () => {
    const error = new ApiError(problem({ status: 429, code: 'rate_limited' }), 42);
    expect(describeError(error)).toBe('Too many attempts, try again in 42 s.');
  });

  it('gives the request id to quote for server errors', () => {
    const error = new ApiError(problem({ status: 500, code: 'internal_error', request_id: 'abc123' }));
    expect(describeError(error)).toContain('abc123');
  });

  it('shows the detail the server wrote for people on an AI failure', () => {
    const detail = "The model's answer had posting times we could not read; nothing was saved.";
    const error = new ApiError(problem({ status: 502, code: 'ai_provider_error', detail }));
    expect(describeError(error)).toBe(detail);
  });

  it("prefers the server's detail, then a sentence per code", () => {
    expect(
      describeError(new ApiError(problem({ code: 'last_owner', status: 409, detail: 'Keep one' }))),
    ).toBe('Keep one');
    expect(describeError(new ApiError(problem({ code: 'forbidden', status: 403 })))).toMatch(/role/);
  });

  it('never answers with an unknown error', () => {
    for (const error of [new NetworkError('down'), new TypeError('x'), 'string']) {
      expect(describeError(error)).not.toMatch(/unknown/i);
    }
  });
});
