import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.js';
import { loadConfig } from '#server/config/config.js';
import { openDatabase } from '#server/db/database.js';
import { problemSchema } from '#shared/problem.schema.js';
import { buildPlatformTestApp, type PlatformTestApp } from './platform-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let current: PlatformTestApp | undefined;

async function start(...args: Parameters<typeof buildPlatformTestApp>): Promise<PlatformTestApp> {
  current = await buildPlatformTestApp(...args);
  return current;
}

afterEach(async () => {
  await current?.close();
  current = undefined;
});

function problemOf(response: { headers: Record<string, unknown>; json: () => unknown }) {
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  return problemSchema.parse(response.json());
}

describe('request ids', () => {
  it('echoes a sane incoming x-request-id', async () => {
    const { app } = await start();
    const response = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-7:abc.123_x' } });
    expect(response.headers['x-request-id']).toBe('lb-7:abc.123_x');
  });

  it.each([
    ['500 characters', 'a'.repeat(500)],
    ['a space and markup', 'bad id <b>'],
  ])('replaces an incoming id with %s', async (_label, id) => {
    const { app } = await start();
    const response = await app.inject({ url: '/healthz', headers: { 'x-request-id': id } });
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('is on 404 problems and matches the body', async () => {
    const { app } = await start();
    const response = await app.inject({ url: '/api/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    const problem = problemOf(response);
    expect(problem).toMatchObject({ code: 'not_found', status: 404, instance: '/api/nothing-here' });
    expect(problem.type).toBe('https://mcc.dev/problems/not_found');
    expect(problem.request_id).toBe(response.headers['x-request-id']);
  });
});

describe('errors', () => {
  it('answers an unexpected error with a bare 500 problem carrying the request id', async () => {
    const { app } = await start({}, (testApp) => {
      testApp.get('/api/test-explodes', async () => {
        throw new Error('db password is hunter2');
      });
    });
    const response = await app.inject({ url: '/api/test-explodes', headers: { 'x-request-id': 'boom-1' } });
    expect(response.statusCode).toBe(500);
    expect(response.headers['x-request-id']).toBe('boom-1');
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('stack');
    expect(problemOf(response)).toEqual({
      type: 'https://mcc.dev/problems/internal_error',
      title: 'Something went wrong on our side',
      status: 500,
      instance: '/api/test-explodes',
      code: 'internal_error',
      request_id: 'boom-1',
    });
  });

  it('does not leak a response that fails its schema', async () => {
    const { z } = await import('zod');
    const { app } = await start({}, (testApp) => {
      testApp.get(
        '/api/test-bad-response',
        { schema: { response: { 200: z.object({ id: z.string() }) } } },
        async () => ({ id: 42, secretField: 'internal' }) as never,
      );
    });
    const response = await app.inject({ url: '/api/test-bad-response' });
    expect(response.statusCode).toBe(500);
    expect(problemOf(response).code).toBe('internal_error');
    expect(response.body).not.toContain('internal"');
  });

  it('rejects a body over 1 MiB with 413', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/telemetry',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ events: [], padding: 'x'.repeat(1_048_576) }),
    });
    expect(response.statusCode).toBe(413);
    expect(problemOf(response)).toMatchObject({ code: 'body_too_large', status: 413 });
  });

  it('rejects malformed JSON with 400 malformed_body', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/telemetry',
      headers: { 'content-type': 'application/json' },
      payload: '{"events": [',
    });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)).toMatchObject({ code: 'malformed_body', status: 400 });
  });

  it('rejects an unsupported content type with 415', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/telemetry',
      headers: { 'content-type': 'application/xml' },
      payload: '<events/>',
    });
    expect(response.statusCode).toBe(415);
    expect(problemOf(response)).toMatchObject({ code: 'malformed_body', status: 415 });
  });

  it('answers a malformed URL with a problem', async () => {
    const { app } = await start();
    const response = await app.inject({ url: '/api/business/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).request_id).toBe(response.headers['x-request-id']);
  });
});

describe('security headers and CORS', () => {
  it('sends a strict CSP and the usual hardening headers, without HSTS outside production', async () => {
    const { app } = await start();
    const response = await app.inject({ url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers the API with a shorter, stricter set: nothing there is a page', async () => {
    const { app } = await start();
    for (const url of ['/api/campaign/', '/api/no-such-route']) {
      const response = await app.inject({ url });
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      for (const documentOnly of [
        'cross-origin-opener-policy',
        'origin-agent-cluster',
        'x-dns-prefetch-control',
        'x-download-options',
        'x-permitted-cross-domain-policies',
        'x-xss-protection',
      ]) {
        expect(response.headers[documentOnly], `${url}: ${documentOnly}`).toBeUndefined();
      }
    }
  });

  it('sends HSTS in production', async () => {
    const { app } = await start({
      NODE_ENV: 'production',
      SECRET_KEY: 'c2f1b8e0a9d74e6b8f3a5c7d9e1b2a4f6c8d0e2f',
      MCC_DEMO: '0',
    });
    for (const url of ['/healthz', '/api/campaign/']) {
      const response = await app.inject({ url });
      expect(response.headers['strict-transport-security'], url).toContain('max-age=31536000');
    }
  });

  it('allows a listed origin with credentials and ignores others', async () => {
    const { app } = await start({ CORS_ORIGINS: 'https://app.example.com' });
    const allowed = await app.inject({
      method: 'OPTIONS',
      url: '/api/telemetry',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const refused = await app.inject({ url: '/healthz', headers: { origin: 'https://evil.example.net' } });
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends no CORS headers when no origins are configured', async () => {
    const { app } = await start();
    const response = await app.inject({ url: '/healthz', headers: { origin: 'https://app.example.com' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request logging', () => {
  it('writes one lean line per request, with the request id and the route template', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const config = loadConfig({ NODE_ENV: 'test', WEB_DIST_DIR: '/nonexistent' });
    const database = openDatabase({ kind: 'sqlite', path: ':memory:', autoMigrate: true });
    const app = await buildApp({
      config,
      database,
      secret: 'x'.repeat(48),
      logger: pino({ level: 'info' }, stream),
    });
    try {
      await app.inject({
        url: '/healthz',
        headers: { 'x-request-id': 'log-1', authorization: 'Bearer should-not-appear' },
      });
      const requestLines = lines.filter((line) => line.request_id === 'log-1');
      expect(requestLines).toEqual([
        expect.objectContaining({ msg: 'request', method: 'GET', route: '/healthz', status: 200 }),
      ]);
      expect(typeof requestLines[0]?.ms).toBe('number');
      expect(JSON.stringify(lines)).not.toContain('should-not-appear');
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('health, readiness and metrics', () => {
  it('is alive and ready with a working database', async () => {
    const { app } = await start();
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('is not ready once the database is closed, but still alive', async () => {
    const { app, database } = await start();
    await database.close();
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', checks: { database: expect.any(String) } });
    expect(ready.json().checks.database).not.toBe('ok');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('exposes request durations by route template, never by raw URL', async () => {
    const { app } = await start({}, (testApp) => {
      testApp.get('/api/test-items/:id', async () => ({ ok: true }));
    });
    await app.inject({ url: '/api/test-items/123' });
    await app.inject({ url: '/api/does-not-exist/456' });
    const response = await app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(
      /mcc_http_request_duration_seconds_count\{route="\/api\/test-items\/:id",method="GET",status_code="200"\} 1/,
    );
    expect(response.body).toContain('route="unmatched",method="GET",status_code="404"');
    expect(response.body).not.toContain('/123');
    expect(response.body).not.toContain('does-not-exist');
    expect(response.body).toContain('mcc_process_cpu_user_seconds_total');
  });
});
