import { describe, expect, it } from 'vitest';
import { FAILURE_REASONS, type FailureReasonCode, failureReason } from '#shared/failure-reasons.js';
import en from '#web/locales/en/common.json';
import fr from '#web/locales/fr/common.json';
import { testI18n } from '#web/test/i18n.js';
import { failureReasonText } from './failure-reason.js';
import { formatDateTime } from './format-date.js';

const CODES = Object.keys(FAILURE_REASONS) as FailureReasonCode[];

/** One value for every placeholder any reason has, as the server writes it. */
const VALUES: Record<string, string | number> = {
  channel: 'linkedin',
  network: 'Mastodon',
  via: 'Blog',
  reason: 'Text can’t be blank',
  error: 'connect ECONNREFUSED',
  errorName: 'ExpiredToken',
  attempt: 2,
  attempts: 5,
  max: 5,
  status: 401,
  code: 190,
  ms: 10_000,
  time: '2026-12-08T10:01:30.000Z',
};

const write = (code: FailureReasonCode) =>
  (failureReason as (code: FailureReasonCode, values: Record<string, string | number>) => string)(
    code,
    VALUES,
  );

describe('failureReasonText', () => {
  const english = testI18n('en').getFixedT('en', 'common');
  const french = testI18n('fr').getFixedT('fr', 'common');

  it('has words for every reason in English and French', () => {
    const english: Record<string, string> = en.failureReasons;
    const french: Record<string, string> = fr.failureReasons;
    expect(Object.keys(english).sort()).toEqual([...CODES].sort());
    expect(Object.keys(french).sort()).toEqual([...CODES].sort());
  });

  it('reads every reason in the reader’s language', () => {
    for (const code of CODES) {
      const text = write(code);
      // English names the channel as the app does ("LinkedIn") and groups an amount's digits; otherwise it
      // says what the server wrote.
      const shown = text
        .replace('for linkedin:', 'for LinkedIn:')
        .replace('10000 ms', '10,000 ms')
        .replace(String(VALUES.time), formatDateTime(String(VALUES.time)));
      expect(failureReasonText(text, english), code).toBe(shown);
      expect(failureReasonText(text, french), code).not.toBe(failureReasonText(text, english));
    }
  });

  it('reads a reason inside another, and keeps the network’s own words', () => {
    const refusal = failureReason('tokenRefusedBecause', {
      network: 'Google Business Profile',
      status: 401,
      reason: 'Request had invalid authentication credentials.',
    });
    const text = failureReason('gaveUp', { attempts: 5, via: 'Café', reason: refusal });
    expect(failureReasonText(text, french)).toBe(
      'Abandon après 5 tentatives via «\u00a0Café\u00a0»\u00a0: Google Business Profile a refusé le jeton ' +
        '(HTTP 401)\u00a0: Request had invalid authentication credentials.',
    );
  });

  it('writes amounts as the workspace does, and codes as they are', () => {
    expect(failureReasonText(failureReason('receiverSilent', { ms: 10_000 }), french)).toBe(
      'Aucune réponse en 10,000 ms',
    );
    expect(
      failureReasonText(failureReason('tokenRefusedCode', { network: 'Facebook', code: 1901 }), french),
    ).toBe('Facebook a refusé le jeton (code 1901)');
  });

  it('shows any other text as it was written', () => {
    expect(failureReasonText('Mastodon answered without an account id', french)).toBe(
      'Mastodon answered without an account id',
    );
  });

  it('says a network’s answer to a post in French, its words kept and its time on the workspace’s clock', () => {
    expect(failureReasonText('Mastodon refused it (HTTP 422): Validation failed', french)).toBe(
      'Mastodon a refusé la demande (HTTP 422)\u00a0: Validation failed',
    );
    const later = 'Bluesky rate-limited us (HTTP 429); try again after 2026-12-08T10:01:30.000Z';
    expect(failureReasonText(later, french)).toBe(
      `Bluesky nous a demandé de ralentir (HTTP 429)\u00a0; réessayez après le ${formatDateTime('2026-12-08T10:01:30.000Z')}`,
    );
    expect(failureReasonText('X did not answer: The operation timed out.', french)).toBe(
      'X n’a pas répondu\u00a0: The operation timed out.',
    );
  });
});
