import { XRPCError } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import { OutboundRefusedError } from '../../guarded-fetch.js';
import { blueskyFailure, RefusedMediaError } from './bluesky-failure.js';

const now = new Date('2031-03-03T10:00:00.000Z');

describe('blueskyFailure', () => {
  it('waits for a rate limit’s reset (epoch seconds in ratelimit-reset)', () => {
    const reset = String(now.getTime() / 1000 + 90);
    const failure = blueskyFailure(
      new XRPCError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', {
        'ratelimit-limit': '3000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': reset,
      }),
      now,
    );
    expect(failure).toEqual({
      kind: 'retryable',
      message: `Bluesky rate-limited us (HTTP 429): Rate Limit Exceeded; try again after 2031-03-03T10:01:30.000Z`,
      statusCode: 429,
      retryAt: new Date('2031-03-03T10:01:30.000Z'),
      networkSaid: 'Rate Limit Exceeded',
    });
  });

  it('takes an expired or revoked session as needing a new app password', () => {
    expect(blueskyFailure(new XRPCError(400, 'ExpiredToken', 'Token has been revoked'), now)).toMatchObject({
      kind: 'auth_expired',
      message: 'Bluesky refused the session (HTTP 400 ExpiredToken): Token has been revoked',
    });
    expect(
      blueskyFailure(new XRPCError(401, 'AuthenticationRequired', 'Invalid identifier or password'), now),
    ).toMatchObject({
      kind: 'auth_expired',
      message: 'Bluesky refused the session (HTTP 401): Invalid identifier or password',
      statusCode: 401,
    });
  });

  it('refuses an invalid record in the PDS’s words, and retries 5xx and missing answers', () => {
    const message =
      'Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text';
    expect(blueskyFailure(new XRPCError(400, 'InvalidRequest', message), now)).toEqual({
      kind: 'rejected',
      message: `Bluesky refused it (HTTP 400): ${message}`,
      statusCode: 400,
      retryAt: null,
      networkSaid: message,
    });
    expect(blueskyFailure(new XRPCError(502, 'UpstreamFailure', 'Upstream Failure'), now)).toMatchObject({
      kind: 'retryable',
      statusCode: 502,
    });
    const timeout = XRPCError.from(new DOMException('The operation timed out.', 'TimeoutError'));
    expect(blueskyFailure(timeout, now)).toMatchObject({
      kind: 'retryable',
      message: 'Bluesky did not answer: The operation timed out.',
    });
  });

  it('refuses what the outbound guard refused and files the network cannot take', () => {
    const refused = XRPCError.from(
      new TypeError('fetch failed', { cause: new OutboundRefusedError('private address') }),
    );
    expect(blueskyFailure(refused, now)).toMatchObject({
      kind: 'rejected',
      message: 'Bluesky cannot be reached from this server: private address',
    });
    expect(blueskyFailure(new RefusedMediaError('Bluesky takes MP4 videos only'), now)).toMatchObject({
      kind: 'rejected',
      message: 'Bluesky takes MP4 videos only',
    });
  });

  it('throws what is not the network’s (a fault of ours)', () => {
    expect(() => blueskyFailure(new RangeError('bug'), now)).toThrow('bug');
  });
});
