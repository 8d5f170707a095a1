import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpMcpServer, startHttpMcpServer } from './http.js';

// The HTTP front door: what it refuses before any MCP message is read. Real MCP traffic over HTTP is
// covered by test/integration/mcp-server.test.ts.

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'unit', version: '1' } },
});

describe('MCP over HTTP', () => {
  let server: HttpMcpServer;
  beforeAll(async () => {
    server = await startHttpMcpServer({
      instanceUrl: 'http://127.0.0.1:9',
      host: '127.0.0.1',
      port: 0,
      jobWaitMs: 0,
    });
  });
  afterAll(() => server.close());

  /** A raw request, so the Host header can be anything (fetch would not let it be set). */
  function send(options: {
    path?: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  }) {
    const url = new URL(server.url);
    return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const outgoing = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: options.path ?? url.pathname,
            method: options.method ?? 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json, text/event-stream',
              ...options.headers,
            },
          },
          (incoming) => {
            let body = '';
            incoming.on('data', (chunk: Buffer) => {
              body += chunk.toString();
            });
            incoming.on('end', () =>
              resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }),
            );
          },
        );
        outgoing.on('error', reject);
        // Only POST carries a body (Node frames none for GET or DELETE).
        outgoing.end((options.method ?? 'POST') === 'POST' ? (options.body ?? INITIALIZE) : undefined);
      },
    );
  }
  const key = { authorization: 'Bearer mcc_unit0123456789' };

  it('listens where it says, on /mcp', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  });

  it('asks for a workspace API key before anything else', async () => {
    const bare = await send({});
    expect(bare.status).toBe(401);
    expect(bare.headers['www-authenticate']).toMatch(/^Bearer realm="mcc"/);
    expect(JSON.parse(bare.body)).toMatchObject({
      jsonrpc: '2.0',
      error: { message: /Authorization: Bearer mcc_/ },
    });
    // A user's access token is not a workspace key.
    expect((await send({ headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' } })).status).toBe(
      401,
    );
  });

  it('refuses names other than this machine’s while it listens on loopback (DNS rebinding)', async () => {
    const rebound = await send({ headers: { ...key, host: 'attacker.example:80' } });
    expect(rebound.status).toBe(403);
    expect((await send({ headers: { ...key, host: `localhost:${new URL(server.url).port}` } })).status).toBe(
      200,
    );
  });

  it('answers only POST on /mcp (stateless: no session stream to open or end)', async () => {
    expect((await send({ headers: key, path: '/' })).status).toBe(404);
    const get = await send({ headers: key, method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await send({ headers: key, method: 'DELETE' })).status).toBe(405);
  });

  it('initialises an MCP session for a request with a key', async () => {
    const answer = await send({ headers: key });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/"serverInfo":\{"name":"mcc"/);
  });
});
