import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteTestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const STRONG_SECRET = 'c0ffee11d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9';
const PRODUCTION = {
  NODE_ENV: 'production',
  SECRET_KEY: STRONG_SECRET,
  PUBLIC_URL: 'https://mcc.example.com',
};

// Issue 13, item 16: without nginx the app answered any Host and never compressed.
describe('the Host allow-list', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const me = (host: string, headers: Record<string, string> = {}) =>
    t?.app.inject({ url: '/api/auth/me', headers: { host, ...headers } });

  it('answers PUBLIC_URL’s host in production and refuses any other with a 400 problem', async () => {
    t = await createTestApp(await createSqliteTestDatabase(), PRODUCTION);
    expect((await me('mcc.example.com'))?.statusCode).toBe(401);
    expect((await me('MCC.example.com:443'))?.statusCode).toBe(401);
    for (const host of ['evil.example.net', 'mcc.example.com.evil.net', '10.0.0.7:8000', 'localhost']) {
      const refused = await me(host);
      expect(refused?.statusCode, host).toBe(400);
      expect(refused?.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused?.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'headers.host', code: 'host' }],
      });
    }
    // From a trusted proxy (TRUST_PROXY: loopback, where inject comes from) the forwarded name is checked.
    expect((await me('mcc.example.com', { 'x-forwarded-host': 'evil.example.net' }))?.statusCode).toBe(400);
    // Probes and scrapers address the container by its IP.
    for (const url of ['/healthz', '/readyz']) {
      expect((await t.app.inject({ url, headers: { host: '10.0.0.7:8000' } })).statusCode, url).toBe(200);
    }
    // Unknown paths are refused for their host before anything else.
    expect((await t.app.inject({ url: '/nope', headers: { host: 'evil.example.net' } })).statusCode).toBe(
      400,
    );
  });

  it('adds ALLOWED_HOSTS (with wildcards) to PUBLIC_URL’s host', async () => {
    t = await createTestApp(await createSqliteTestDatabase(), {
      ...PRODUCTION,
      ALLOWED_HOSTS: 'mcc.internal,*.example.org',
    });
    expect((await me('mcc.internal'))?.statusCode).toBe(401);
    expect((await me('eu.example.org'))?.statusCode).toBe(401);
    expect((await me('mcc.example.com'))?.statusCode).toBe(401);
    expect((await me('example.org'))?.statusCode).toBe(400);
  });

  it('answers any host in development unless ALLOWED_HOSTS is set', async () => {
    t = await createTestApp(await createSqliteTestDatabase(), { NODE_ENV: 'development' });
    expect((await me('anything.example'))?.statusCode).toBe(401);
    await t.close();
    t = await createTestApp(await createSqliteTestDatabase(), { ALLOWED_HOSTS: 'dev.local' });
    expect((await me('anything.example'))?.statusCode).toBe(400);
    expect((await me('dev.local:5173'))?.statusCode).toBe(401);
  });
});

describe('response compression', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const openapi = (headers: Record<string, string>) => t?.app.inject({ url: '/docs/json', headers });

  it('compresses what the client accepts, above 1 KiB', async () => {
    t = await createTestApp(await createSqliteTestDatabase());
    const plain = await openapi({});
    expect(plain?.headers['content-encoding']).toBeUndefined();
    const gzipped = await openapi({ 'accept-encoding': 'gzip' });
    expect(gzipped?.statusCode).toBe(200);
    expect(gzipped?.headers['content-encoding']).toBe('gzip');
    expect(gzipped?.headers.vary).toMatch(/accept-encoding/i);
    const body = gunzipSync(gzipped?.rawPayload ?? Buffer.alloc(0));
    expect(body.length).toBeGreaterThan(1024);
    expect(gzipped?.rawPayload.length).toBeLessThan(body.length / 3);
    expect(JSON.parse(body.toString())).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
    // Small answers are not worth it.
    const small = await t.app.inject({ url: '/healthz', headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('is off with COMPRESSION=off (behind a proxy that compresses)', async () => {
    t = await createTestApp(await createSqliteTestDatabase(), { COMPRESSION: 'off' });
    const response = await openapi({ 'accept-encoding': 'gzip, br' });
    expect(response?.statusCode).toBe(200);
    expect(response?.headers['content-encoding']).toBeUndefined();
  });
});
