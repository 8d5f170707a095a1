import { describe, expect, it } from 'vitest';
import { httpFailure, retryAtOf } from './http-failure.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');

describe('httpFailure', () => {
  it('maps 401 to auth_expired, 422 to rejected with the reason, 5xx to retryable', () => {
    const none = new Headers();
    expect(httpFailure('Mastodon', 401, none, 'The access token is invalid', NOW)).toMatchObject({
      kind: 'auth_expired',
      message: 'Mastodon refused the token (HTTP 401): The access token is invalid',
    });
    expect(httpFailure('Mastodon', 422, none, 'Validation failed: Text can’t be blank', NOW)).toMatchObject({
      kind: 'rejected',
      message: 'Mastodon refused it (HTTP 422): Validation failed: Text can’t be blank',
    });
    expect(httpFailure('Mastodon', 503, none, null, NOW)).toMatchObject({ kind: 'retryable', retryAt: null });
  });

  it('waits for a 429’s reset, but a 5xx only for Retry-After (rate-limit headers come on every answer)', () => {
    const reset = new Headers({ 'x-ratelimit-reset': '2026-03-01T12:05:00.000Z' });
    expect(httpFailure('Mastodon', 429, reset, null, NOW).retryAt?.toISOString()).toBe(
      '2026-03-01T12:05:00.000Z',
    );
    expect(httpFailure('Mastodon', 502, reset, null, NOW).retryAt).toBeNull();
    const after = new Headers({ 'retry-after': '30' });
    expect(httpFailure('Mastodon', 503, after, null, NOW).retryAt?.toISOString()).toBe(
      '2026-03-01T12:00:30.000Z',
    );
  });
});

describe('retryAtOf', () => {
  it('reads an HTTP date, epoch seconds and seconds from now, and bounds the wait', () => {
    expect(
      retryAtOf(new Headers({ 'retry-after': 'Sun, 01 Mar 2026 12:01:00 GMT' }), NOW)?.toISOString(),
    ).toBe('2026-03-01T12:01:00.000Z');
    expect(
      retryAtOf(new Headers({ 'x-ratelimit-reset': String(NOW.getTime() / 1000 + 60) }), NOW)?.toISOString(),
    ).toBe('2026-03-01T12:01:00.000Z');
    expect(retryAtOf(new Headers({ 'ratelimit-reset': '15' }), NOW)?.toISOString()).toBe(
      '2026-03-01T12:00:15.000Z',
    );
    // A reset in the past means now; one years away is capped at a day.
    expect(retryAtOf(new Headers({ 'x-ratelimit-reset': '2020-01-01T00:00:00Z' }), NOW)?.toISOString()).toBe(
      NOW.toISOString(),
    );
    expect(retryAtOf(new Headers({ 'retry-after': '99999999' }), NOW)?.toISOString()).toBe(
      '2026-03-02T12:00:00.000Z',
    );
    expect(retryAtOf(new Headers(), NOW)).toBeNull();
  });
});
