import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.js';
import { createOutboundGuard } from './outbound-guard.js';
import {
  deliverSigned,
  type SignedDeliveryOptions,
  signatureHeader,
  verifySignatureHeader,
} from './signed-delivery.js';

const SECRET = 'whsec_test_0123456789abcdef';
const NOW = new Date('2026-03-01T12:00:00Z');
const BODY = JSON.stringify({ id: 'evt_1', type: 'webhook.test', data: { hello: 'world' } });
const local = createOutboundGuard({ allowedHosts: ['127.0.0.1'] });
const strict = createOutboundGuard({ allowedHosts: [] });

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.requests.length = 0;
});

const deliver = (overrides: Partial<SignedDeliveryOptions> = {}) =>
  deliverSigned({
    url: receiver.url,
    secret: SECRET,
    body: BODY,
    timeoutMs: 2_000,
    now: () => NOW,
    guard: local,
    ...overrides,
  });

describe('signature header', () => {
  const t = NOW.getTime() / 1000;

  it('signs "<t>.<body>" and verifies in a time window', () => {
    const header = signatureHeader(SECRET, BODY, t);
    expect(header).toMatch(/^t=1772366400,v1=[0-9a-f]{64}$/);
    expect(verifySignatureHeader(SECRET, BODY, header, t + 299)).toBe(true);
    expect(verifySignatureHeader(SECRET, BODY, header, t + 301)).toBe(false);
    expect(verifySignatureHeader(SECRET, BODY, header, t + 20, 10)).toBe(false);
    expect(verifySignatureHeader('another secret', BODY, header, t)).toBe(false);
    expect(verifySignatureHeader(SECRET, `${BODY} `, header, t)).toBe(false);
    expect(verifySignatureHeader(SECRET, BODY, 'v1=abc', t)).toBe(false);
    expect(verifySignatureHeader(SECRET, BODY, header.replace(/v1=../, 'v1=zz'), t)).toBe(false);
  });

  it('accepts any of several v1 values (rotation)', () => {
    const old = signatureHeader('old secret', BODY, t);
    const current = signatureHeader(SECRET, BODY, t).split(',')[1];
    expect(verifySignatureHeader(SECRET, BODY, `${old},${current}`, t)).toBe(true);
  });
});

describe('deliverSigned over real HTTP', () => {
  it('POSTs the exact body with a verifiable signature and our headers', async () => {
    receiver.script({ status: 204 });
    const outcome = await deliver({ headers: { 'X-MCC-Event': 'webhook.test', 'X-MCC-Delivery': 'd1' } });
    expect(outcome).toMatchObject({ ok: true, statusCode: 204, responseBody: null });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = receiver.requests;
    expect(request?.method).toBe('POST');
    expect(request?.body).toBe(BODY);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toMatch(/^mcc-webhooks\/\d+\.\d+\.\d+/);
    expect(request?.headers['x-mcc-event']).toBe('webhook.test');
    expect(request?.headers['x-mcc-delivery']).toBe('d1');
    const signature = String(request?.headers['x-mcc-signature']);
    expect(verifySignatureHeader(SECRET, request?.body ?? '', signature, NOW.getTime() / 1000)).toBe(true);
  });

  it('reads at most 1 KiB of the response body, and keeps only safe headers', async () => {
    receiver.script({
      status: 200,
      body: 'x'.repeat(5000),
      headers: { 'x-request-id': 'r-1', 'x-secret': 'nope', 'retry-after': '5', 'content-length': '5000' },
    });
    const outcome = await deliver();
    expect(outcome.responseBody).toHaveLength(1024);
    expect(outcome.responseHeaders).toEqual({
      'content-type': 'text/plain',
      'content-length': '5000',
      'retry-after': '5',
      'x-request-id': 'r-1',
    });
  });

  it.each([
    [400, 'rejected'],
    [404, 'rejected'],
    [410, 'rejected'],
    [408, 'retryable'],
    [429, 'retryable'],
    [500, 'retryable'],
    [503, 'retryable'],
  ])('classifies HTTP %i as %s', async (status, kind) => {
    receiver.script({ status, body: 'nope' });
    const outcome = await deliver();
    expect(outcome).toMatchObject({ ok: false, statusCode: status, responseBody: 'nope' });
    expect(outcome.failure?.kind).toBe(kind);
    expect(outcome.failure?.message).toContain(String(status));
  });

  it('gives up on a slow receiver after the timeout (retryable)', async () => {
    receiver.script({ status: 200, delayMs: 3_000 });
    const outcome = await deliver({ timeoutMs: 200 });
    expect(outcome).toMatchObject({ ok: false, statusCode: null, failure: { kind: 'retryable' } });
    expect(outcome.failure?.message).toMatch(/within 200 ms/);
    expect(outcome.durationMs).toBeLessThan(2_000);
  });

  it('reports a refused connection as retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await deliver({ url: `http://127.0.0.1:${port}/hook` });
    expect(outcome.failure).toMatchObject({
      kind: 'retryable',
      message: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('follows up to three redirects with the same signed POST, and no more', async () => {
    receiver.script(
      { status: 301, headers: { location: '/moved' } },
      { status: 307, headers: { location: `${receiver.origin}/moved-again` } },
      { status: 200, body: 'got it' },
    );
    const outcome = await deliver();
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, responseBody: 'got it' });
    expect(receiver.requests.map((r) => [r.method, r.path, r.body === BODY])).toEqual([
      ['POST', '/hook', true],
      ['POST', '/moved', true],
      ['POST', '/moved-again', true],
    ]);

    receiver.requests.length = 0;
    receiver.script(...Array.from({ length: 4 }, () => ({ status: 302, headers: { location: '/loop' } })));
    const looping = await deliver();
    expect(looping).toMatchObject({ ok: false, statusCode: 302, failure: { kind: 'rejected' } });
    expect(receiver.requests).toHaveLength(4);
  });

  it('connects to the address it checked, not a fresh lookup of the name (DNS rebinding)', async () => {
    // The name does not exist in real DNS: only the guard's resolver knows it, so a request arriving
    // proves the socket used the checked address. The Host header still names the URL's host.
    const guard = createOutboundGuard({
      allowedHosts: ['127.0.0.1'],
      resolve: async () => ['127.0.0.1'],
    });
    const port = new URL(receiver.origin).port;
    const outcome = await deliver({ url: `http://hooks.mcc-test.invalid:${port}/hook`, guard });
    expect(outcome.ok).toBe(true);
    expect(receiver.requests[0]?.headers.host).toBe(`hooks.mcc-test.invalid:${port}`);
  });
});

describe('deliverSigned refuses inside addresses (SSRF)', () => {
  it.each([
    ['loopback IPv4', 'http://127.0.0.1:9/hook'],
    ['loopback IPv4 elsewhere in 127/8', 'http://127.8.9.10/hook'],
    ['loopback IPv6', 'http://[::1]:9/hook'],
    ['10/8', 'http://10.1.2.3/hook'],
    ['172.16/12', 'http://172.20.0.1/hook'],
    ['192.168/16', 'https://192.168.1.10/hook'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]:9/hook'],
    ['IPv4-mapped IPv6 of the metadata address', 'http://[::ffff:a9fe:a9fe]/'],
    ['a decimal loopback', 'http://2130706433/hook'],
    ['unique local IPv6', 'http://[fd00::1]/hook'],
  ])('blocks %s', async (_name, url) => {
    const outcome = await deliver({ url, guard: strict });
    expect(outcome).toMatchObject({ ok: false, statusCode: null, failure: { kind: 'blocked' } });
    expect(outcome.failure?.message).toMatch(/private, loopback or link-local/);
  });

  it('blocks a public-looking name that resolves inside', async () => {
    const guard = createOutboundGuard({
      allowedHosts: [],
      resolve: async () => ['93.184.216.34', '10.0.0.7'],
    });
    const outcome = await deliver({ url: 'https://hooks.example.com/x', guard });
    expect(outcome.failure).toMatchObject({ kind: 'blocked', message: expect.stringMatching(/10\.0\.0\.7/) });
  });

  it.each(['ftp://example.com/hook', 'file:///etc/passwd', 'gopher://example.com/', 'not a url'])(
    'blocks %s (not http or https)',
    async (url) => {
      const outcome = await deliver({ url, guard: strict });
      expect(outcome.failure?.kind).toBe('blocked');
    },
  );

  it('blocks credentials in the URL', async () => {
    const outcome = await deliver({ url: 'https://user:pass@hooks.example.com/', guard: strict });
    expect(outcome.failure?.kind).toBe('blocked');
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://[::1]:9/', 'http://127.0.0.2:9/'])(
    'blocks a redirect to %s and never connects there',
    async (location) => {
      receiver.script({ status: 302, headers: { location } });
      const outcome = await deliver();
      expect(outcome.failure).toMatchObject({
        kind: 'blocked',
        message: expect.stringContaining('redirected'),
      });
      expect(receiver.requests).toHaveLength(1);
    },
  );

  it('calls an unresolvable host retryable, not blocked', async () => {
    const guard = createOutboundGuard({
      allowedHosts: [],
      resolve: async () => Promise.reject(new Error('ENOTFOUND')),
    });
    const outcome = await deliver({ url: 'https://gone.example.com/', guard });
    expect(outcome.failure).toMatchObject({ kind: 'retryable', message: expect.stringMatching(/resolved/) });
  });

  it('lets the allow-list permit a private host, by address, range or name', async () => {
    expect((await deliver({ guard: strict })).failure?.kind).toBe('blocked');
    expect(receiver.requests).toHaveLength(0);
    for (const allowedHosts of [['127.0.0.1'], ['127.0.0.0/8'], ['localhost']]) {
      const guard = createOutboundGuard({ allowedHosts });
      const url =
        allowedHosts[0] === 'localhost' ? receiver.url.replace('127.0.0.1', 'localhost') : receiver.url;
      const resolve = allowedHosts[0] === 'localhost' ? async () => ['127.0.0.1'] : undefined;
      const outcome = await deliver({
        url,
        guard: resolve ? createOutboundGuard({ allowedHosts, resolve }) : guard,
      });
      expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    }
    // Allowing one address does not open the others.
    expect((await deliver({ url: 'http://10.0.0.1/', guard: local })).failure?.kind).toBe('blocked');
    expect(() => createOutboundGuard({ allowedHosts: ['10.0.0.0/99'] })).toThrow(/CIDR/);
  });
});
