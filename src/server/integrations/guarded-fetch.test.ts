import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.js';
import { createGuardedFetch, OutboundRefusedError } from './guarded-fetch.js';
import { createOutboundGuard } from './outbound-guard.js';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.requests.length = 0;
});

const local = createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] }));

describe('createGuardedFetch', () => {
  it('sends the request and hands back the answer as a Response', async () => {
    receiver.script({ status: 201, body: 'x'.repeat(100_000), headers: { 'x-request-id': 'r-1' } });
    const response = await local(`${receiver.origin}/v1/chat?a=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: '{"hello":"world"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(await response.text()).toHaveLength(100_000);
    expect(receiver.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat?a=1',
      body: '{"hello":"world"}',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
    });
  });

  it('streams a body whose length is declared, piece by piece as it is produced', async () => {
    receiver.script({ status: 204 });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 3) controller.close();
        else controller.enqueue(new Uint8Array(1_000).fill(pulled));
      },
    });
    const response = await local(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-length': '3000' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(204);
    expect(receiver.requests[0]?.headers['content-length']).toBe('3000');
    expect(receiver.requests[0]?.headers['transfer-encoding']).toBeUndefined();
    expect(receiver.requests[0]?.body.length).toBe(3000);
  });

  it('closes a streamed body when the connection fails, so the file behind it is not left open', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.alloc(10));
    const closed = new Promise((resolve) => source.once('close', resolve));
    const refused = local('http://127.0.0.1:1/upload', {
      method: 'POST',
      headers: { 'content-length': '1000' },
      body: Readable.toWeb(source) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    await expect(refused).rejects.toThrow();
    await closed;
    expect(source.destroyed).toBe(true);
  });

  it('answers a bodiless status without a body', async () => {
    receiver.script({ status: 204 });
    const response = await local(receiver.url);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('refuses a redirect instead of following it', async () => {
    const target = await startWebhookReceiver();
    try {
      receiver.script({ status: 302, headers: { location: target.url } });
      await expect(local(receiver.url, { method: 'POST', body: '{}' })).rejects.toThrow(OutboundRefusedError);
      expect(receiver.requests).toHaveLength(1);
      expect(target.requests).toHaveLength(0);
    } finally {
      await target.close();
    }
  });

  it('refuses an address the guard refuses, without connecting', async () => {
    const strict = createGuardedFetch(createOutboundGuard({ allowedHosts: [] }));
    await expect(strict(receiver.url)).rejects.toThrow(/private, loopback/);
    const port = new URL(receiver.origin).port;
    await expect(strict(`http://[::ffff:127.0.0.1]:${port}/`)).rejects.toThrow(OutboundRefusedError);
    await expect(strict(`http://[::127.0.0.1]:${port}/`)).rejects.toThrow(OutboundRefusedError);
    expect(receiver.requests).toHaveLength(0);
  });

  it('connects to the address the guard checked, not a fresh lookup of the name', async () => {
    const pinned = createGuardedFetch(
      createOutboundGuard({ allowedHosts: ['127.0.0.1'], resolve: async () => ['127.0.0.1'] }),
    );
    const port = new URL(receiver.origin).port;
    const response = await pinned(`http://ai.mcc-test.invalid:${port}/v1`);
    expect(response.status).toBe(200);
    expect(receiver.requests[0]?.headers.host).toBe(`ai.mcc-test.invalid:${port}`);
  });

  it('stops when the signal aborts', async () => {
    receiver.script({ status: 200, delayMs: 5_000 });
    const controller = new AbortController();
    const pending = local(receiver.url, { signal: controller.signal });
    await receiver.waitForRequests(1);
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });
});
