import { once } from 'node:events';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteTestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('graceful shutdown over real HTTP', () => {
  let t: TestApp;
  beforeEach(async () => {
    // A slow request (sign-up hashes a password) that writes and answers at once, with no job queued.
    t = await createTestApp(await createSqliteTestDatabase(), { SIGN_UP: 'immediate' });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterEach(() => t.database.close());

  it('finishes the request in flight and answers a request behind it with a problem', async () => {
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const body = JSON.stringify({ email: 'late@example.com', password: 'a-long-enough-pass', name: 'Late' });
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    // Two pipelined requests on one kept-alive connection: a slow one (argon2 hashing), then another.
    socket.write(
      `POST /api/auth/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}` +
        'GET /api/auth/me HTTP/1.1\r\nHost: x\r\n\r\n',
    );
    await once(t.app.server, 'request');
    await t.app.close();
    await once(socket, 'close');

    const [first, second] = received.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 201/);
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second).toMatch(/content-type: application\/problem\+json/i);
    expect(second).toContain('"code":"service_unavailable"');
    // The last answer on the connection closes it (issue 13, item 12); the one before left it open for it.
    expect(first).not.toMatch(/^connection: close/im);
    expect(second).toMatch(/^connection: close/im);
  });
});
