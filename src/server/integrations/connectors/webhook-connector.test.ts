import { describe, expect, it } from 'vitest';
import type { OutboundGuard } from '../outbound-guard.js';
import type { DeliveryOutcome } from '../signed-delivery.js';
import { createWebhookConnector, toPublishResult } from './webhook-connector.js';

const outcome = (fields: Partial<DeliveryOutcome>): DeliveryOutcome => ({
  ok: false,
  statusCode: null,
  durationMs: 7,
  responseHeaders: null,
  responseBody: null,
  ...fields,
});
const rejected = (statusCode: number) =>
  outcome({ statusCode, failure: { kind: 'rejected', message: `The receiver answered HTTP ${statusCode}` } });

describe('the webhook connector', () => {
  it('maps delivery outcomes to the publisher’s failures', () => {
    const kinds = [
      outcome({ statusCode: 503, failure: { kind: 'retryable', message: 'HTTP 503' } }),
      outcome({ failure: { kind: 'retryable', message: 'No answer within 10000 ms' } }),
      rejected(401),
      rejected(403),
      rejected(400),
      rejected(422),
      outcome({ failure: { kind: 'blocked', message: 'resolves to a private address' } }),
    ].map((delivery) => {
      const result = toPublishResult(delivery);
      return result.ok ? 'ok' : result.failure.kind;
    });
    expect(kinds).toEqual([
      'retryable',
      'retryable',
      'auth_expired',
      'auth_expired',
      'rejected',
      'rejected',
      'rejected',
    ]);
  });

  it('records where the item now lives when the receiver answers with JSON', () => {
    const answer = (body: string | null) =>
      toPublishResult(outcome({ ok: true, statusCode: 200, responseBody: body }));
    expect(answer('{"id":"post-1","url":"https://social.example/p/1"}')).toMatchObject({
      ok: true,
      externalId: 'post-1',
      externalUrl: 'https://social.example/p/1',
    });
    expect(answer('{"external_id":42,"external_url":"https://x.example/42"}')).toMatchObject({
      externalId: '42',
      externalUrl: 'https://x.example/42',
    });
    // Not JSON, not an object, or a URL that is no web address: nothing is recorded.
    for (const body of ['ok', null, '[1]', '{"url":"javascript:alert(1)"}', '{"id":']) {
      expect(answer(body)).toMatchObject({ ok: true, externalUrl: null });
    }
    // The body is read for the reference only: the result carries no body at all.
    expect(answer('{"id":"post-1"}')).not.toHaveProperty('responseBody');
  });

  it('checks a URL with the outbound guard before it is stored', async () => {
    const guard: OutboundGuard = {
      check: async (url) =>
        String(url).includes('10.0.0.1')
          ? { ok: false, reason: 'blocked', problem: 'The host 10.0.0.1 resolves to a private address' }
          : { ok: true, target: { url: new URL(String(url)), address: '93.184.215.14', family: 4 } },
    };
    const webhook = createWebhookConnector({ guard, timeoutMs: 1_000, now: () => new Date() });
    expect(await webhook.validateSettings({ url: 'https://hooks.example.com/mcc' })).toEqual({
      ok: true,
      settings: { url: 'https://hooks.example.com/mcc' },
    });
    expect(await webhook.validateSettings({ url: 'http://10.0.0.1/hook' })).toMatchObject({
      ok: false,
      notAllowed: true,
      problems: [
        { field: 'url', code: 'blocked', message: expect.stringContaining('OUTBOUND_ALLOWED_HOSTS') },
      ],
    });
    expect(await webhook.validateSettings({ url: 'not a url' })).toMatchObject({
      ok: false,
      notAllowed: false,
      problems: [{ field: 'url' }],
    });
  });
});
