import { describe, expect, it } from 'vitest';
import { isFinalAnswer } from './idempotency.service.js';

describe('isFinalAnswer', () => {
  it.each([200, 201, 202, 204, 400, 402, 403, 404, 409, 410, 413, 415, 422])('keeps %i', (status) => {
    expect(isFinalAnswer({ status, headers: {} })).toBe(true);
  });

  it.each([408, 425, 429, 500, 502, 503])('does not keep %i: a retry may get another answer', (status) => {
    expect(isFinalAnswer({ status, headers: {} })).toBe(false);
  });

  it('does not keep a client error that says when to try again', () => {
    expect(isFinalAnswer({ status: 402, headers: { 'retry-after': '60' } })).toBe(false);
  });
});
