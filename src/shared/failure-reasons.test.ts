import { describe, expect, it } from 'vitest';
import {
  FAILURE_REASONS,
  type FailureReasonCode,
  failureReason,
  placeholderKind,
  readFailureReason,
} from './failure-reasons.js';
import { NETWORK_IDS, NETWORK_NAMES } from './network.schema.js';

/** Awkward text: colons, parentheses, quotes, a semicolon and a newline, as a network's refusal can hold. */
const AWKWARD = 'Validation failed: Text (body) can’t be blank; see “docs”\nline two: (x)';

/** Values for every placeholder any template has, each written as the server writes it. */
const WRITTEN: Record<string, string | number> = {
  channel: 'google_business',
  network: NETWORK_NAMES.google_business,
  via: 'Blog: main (EU)',
  reason: AWKWARD,
  errorName: 'ExpiredToken',
  error: 'connect ECONNREFUSED 127.0.0.1:6379 (redis)',
  attempt: 4,
  attempts: 5,
  max: 5,
  status: 401,
  code: 190,
  ms: 10_000,
  time: '2031-03-03T10:01:30.000Z',
};

/** The same values as reading gives them back: the network as its id. */
const READ: Record<string, string | number> = { ...WRITTEN, network: 'google_business' };

const write = (code: FailureReasonCode) =>
  (failureReason as (code: FailureReasonCode, values: Record<string, string | number>) => string)(
    code,
    WRITTEN,
  );

describe('failure reasons', () => {
  it('reads every reason back to its code and values, text values whole', () => {
    for (const code of Object.keys(FAILURE_REASONS) as FailureReasonCode[]) {
      const names = [...FAILURE_REASONS[code].matchAll(/\{(\w+)\}/g)].map(([, name = '']) => name);
      const expected = Object.fromEntries(names.map((name) => [name, READ[name]]));
      expect(readFailureReason(write(code)), code).toEqual({ code, values: expected });
    }
  });

  it('reads every network by its id', () => {
    for (const network of NETWORK_IDS) {
      const text = failureReason('tokenRefused', { network: NETWORK_NAMES[network], status: 401 });
      expect(readFailureReason(text)?.values.network).toBe(network);
    }
  });

  it('writes the English the API has always carried', () => {
    expect(failureReason('noConnector', { channel: 'linkedin' })).toBe(
      'No publishing connector is set up for linkedin: add one in the workspace settings',
    );
    expect(
      failureReason('gaveUp', { attempts: 5, via: 'Zapier', reason: 'Mastodon refused it (HTTP 422): bad' }),
    ).toBe('Gave up after 5 attempts through “Zapier”: Mastodon refused it (HTTP 422): bad');
  });

  it('reads a reason inside another as text, for the reader to read in turn', () => {
    const inner = failureReason('tokenRefusedBecause', { network: 'Mastodon', status: 401, reason: AWKWARD });
    const outer = readFailureReason(failureReason('noLongerAccepted', { via: '@ada', reason: inner }));
    expect(outer).toEqual({ code: 'noLongerAccepted', values: { via: '@ada', reason: inner } });
    expect(readFailureReason(inner)).toEqual({
      code: 'tokenRefusedBecause',
      values: { network: 'mastodon', status: 401, reason: AWKWARD },
    });
  });

  it('tells a specific reason from the general one that would also read it', () => {
    const text = failureReason('sessionNotStored', { network: 'Bluesky', status: 401 });
    expect(readFailureReason(text)?.code).toBe('sessionNotStored');
    // The network's words and when to come back, not words that end with a date.
    const later = failureReason('rateLimitedBecauseUntil', {
      network: 'Mastodon',
      status: 429,
      reason: 'Slow down; too many requests',
      time: '2031-03-03T10:01:30.000Z',
    });
    expect(readFailureReason(later)).toEqual({
      code: 'rateLimitedBecauseUntil',
      values: {
        network: 'mastodon',
        status: 429,
        reason: 'Slow down; too many requests',
        time: '2031-03-03T10:01:30.000Z',
      },
    });
  });

  it('leaves any other text unread', () => {
    expect(readFailureReason('Mastodon refused it politely')).toBeUndefined();
    expect(
      readFailureReason('Mastodon rate-limited us (HTTP 429); try again after tomorrow'),
    ).toBeUndefined();
    expect(
      readFailureReason('No publishing connector is set up for myspace: add one in the workspace settings'),
    ).toBe(undefined);
    expect(readFailureReason('Myspace refused the token (HTTP 401)')).toBeUndefined();
    expect(readFailureReason('Gave up after five attempts through “Zapier”: down')).toBeUndefined();
    expect(
      readFailureReason(
        'Bluesky: the token expired and X issued no refresh token for it; connect the account again',
      ),
    ).toBe(undefined);
    expect(readFailureReason('')).toBeUndefined();
  });

  it('knows what each placeholder holds', () => {
    expect(placeholderKind('status')).toBe('number');
    expect(placeholderKind('channel')).toBe('channel');
    expect(placeholderKind('network')).toBe('network');
    expect(placeholderKind('time')).toBe('time');
    expect(placeholderKind('reason')).toBe('text');
  });
});
