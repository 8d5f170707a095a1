import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiProblemError, InstanceError, MccApiClient } from './api-client.js';

// The client's handling of what comes over the wire (problems, a proxy's error page, redirects, a port
// nobody listens on), against a plain HTTP server on this machine. What mcc itself answers is covered by
// test/integration/mcp-server.test.ts against a real instance.

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

describe('the instance API client', () => {
  let server: Server;
  let baseUrl: string;
  let handler: Handler;
  const seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> =
    [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, headers: request.headers, body });
        handler(request, body, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = (options: { timeoutMs?: number } = {}) =>
    new MccApiClient({
      baseUrl: `${baseUrl}/`,
      apiKey: 'mcc_testkey0123456789',
      userAgent: 'mcc-mcp/test',
      ...options,
    });
  const answer =
    (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
    (_request, _body, response) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };

  it('sends the key as a Bearer token, the query without empty values and the body as JSON', async () => {
    handler = answer(201, { id: 'a', extra: 'ignored' });
    const result = await client().post('/api/things', {
      query: { business_id: 'b', limit: 5, cursor: undefined, status: null },
      body: { name: 'Spring' },
      schema: z.object({ id: z.string() }),
    });
    expect(result).toEqual({ id: 'a' });
    const request = seen.at(-1);
    expect(request).toMatchObject({
      method: 'POST',
      url: '/api/things?business_id=b&limit=5',
      body: '{"name":"Spring"}',
    });
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer mcc_testkey0123456789',
      'content-type': 'application/json',
      'user-agent': 'mcc-mcp/test',
    });
  });

  it('turns a problem document into an ApiProblemError with its fields and Retry-After', async () => {
    handler = answer(
      429,
      {
        type: 'about:blank',
        title: 'Too many requests',
        status: 429,
        code: 'rate_limited',
        request_id: 'r1',
      },
      { 'content-type': 'application/problem+json', 'retry-after': '12' },
    );
    const error = await client()
      .get('/api/things', { schema: z.unknown() })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect(error).toMatchObject({
      problem: { status: 429, code: 'rate_limited', request_id: 'r1' },
      retryAfterSeconds: 12,
    });
  });

  it('keeps a problem whose code this version does not know yet', async () => {
    handler = answer(
      409,
      { type: 'about:blank', title: 'New rule', status: 409, code: 'some_future_code', errors: [] },
      { 'content-type': 'application/problem+json' },
    );
    await expect(client().get('/x', { schema: z.unknown() })).rejects.toMatchObject({
      problem: { code: 'some_future_code', title: 'New rule' },
    });
  });

  it('reads a proxy’s HTML error page as a problem with its status and a little of its text', async () => {
    handler = (_request, _body, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>');
    };
    await expect(client().get('/x', { schema: z.unknown() })).rejects.toMatchObject({
      problem: { status: 502, title: 'Bad Gateway', detail: '502 Bad Gateway nginx' },
    });
  });

  it('never follows a redirect, so the key reaches only the configured instance', async () => {
    handler = (_request, _body, response) => {
      response.writeHead(302, { location: 'http://elsewhere.example/steal' });
      response.end();
    };
    await expect(client().get('/x', { schema: z.unknown() })).rejects.toThrow(InstanceError);
  });

  it('says when an answer is not what mcc answers', async () => {
    handler = answer(200, { unexpected: true });
    await expect(client().get('/x', { schema: z.object({ items: z.array(z.string()) }) })).rejects.toThrow(
      /answered GET \/x in an unexpected shape .*same version/,
    );
    handler = answer(200, 'not json');
    await expect(client().get('/x', { schema: z.unknown() })).rejects.toThrow(/not JSON/);
  });

  it('says when nothing answers at the address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = new MccApiClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: 'mcc_x',
      userAgent: 't',
    });
    await expect(nowhere.get('/x', { schema: z.unknown() })).rejects.toThrow(
      new RegExp(`Could not reach mcc at http://127.0.0.1:${port}: ECONNREFUSED`),
    );
  });

  it('stops waiting when the call is cancelled', async () => {
    handler = () => {
      // Never answers: only the cancellation ends the request.
    };
    const controller = new AbortController();
    const pending = client().get('/slow', { schema: z.unknown(), signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow('The request was cancelled');
    // A client for one MCP call: cancelling the call ends every request it makes.
    const call = new AbortController();
    const forCall = client().forCall(call.signal);
    const first = forCall.get('/slow', { schema: z.unknown() });
    call.abort();
    await expect(first).rejects.toThrow('The request was cancelled');
    await expect(forCall.get('/slow', { schema: z.unknown() })).rejects.toThrow('The request was cancelled');
  });
});
