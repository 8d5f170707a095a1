import { describe, expect, it } from 'vitest';
import { httpFailure, transportFailure } from '#server/integrations/networks/http-failure.js';
import { unexpectedAnswer } from '#server/integrations/networks/json-http.js';
import { networkFailureFacts } from './network-failure-facts.js';

const now = new Date('2026-12-08T10:00:00Z');
const facts = (failure: Parameters<typeof networkFailureFacts>[1]) =>
  networkFailureFacts('mastodon', failure);

describe('networkFailureFacts', () => {
  it('says how the network failed, with its status and its own words', () => {
    expect(facts(httpFailure('Mastodon', 401, new Headers(), 'The access token is invalid', now))).toEqual({
      reason: 'network_failed',
      network: 'mastodon',
      failure: 'credentials',
      status: 401,
      said: 'The access token is invalid',
    });
    expect(facts(httpFailure('Mastodon', 422, new Headers(), null, now))).toMatchObject({
      failure: 'refused',
      status: 422,
      said: null,
    });
    expect(
      facts(httpFailure('Mastodon', 429, new Headers({ 'retry-after': '30' }), null, now)),
    ).toMatchObject({
      failure: 'rate_limited',
      status: 429,
    });
    expect(facts(httpFailure('Mastodon', 503, new Headers(), 'Maintenance', now))).toMatchObject({
      failure: 'unavailable',
      said: 'Maintenance',
    });
  });

  it('tells no answer at all, a refused address and an unusable answer apart', () => {
    expect(facts(transportFailure('Mastodon', new Error('ECONNREFUSED'), false))).toMatchObject({
      failure: 'no_answer',
      status: null,
      said: null,
    });
    expect(facts(transportFailure('Mastodon', new Error('private address'), true))).toMatchObject({
      failure: 'address_refused',
      status: null,
    });
    expect(facts(unexpectedAnswer('Mastodon', 'an account id', 200))).toMatchObject({
      failure: 'bad_answer',
      status: 200,
    });
  });
});
