import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '#server/config/config.js';
import { authRateLimit } from '#server/plugins/rate-limit.plugin.js';
import { AUTH_COOKIES } from '#shared/auth-cookies.js';
import { problemSchema } from '#shared/problem.schema.js';
import { SIGNED_IN_PAGE } from '#shared/spa-pages.js';
import { buildPlatformTestApp, type PlatformTestApp } from './platform-app.js';

let current: PlatformTestApp | undefined;

async function start(...args: Parameters<typeof buildPlatformTestApp>): Promise<PlatformTestApp> {
  current = await buildPlatformTestApp(...args);
  return current;
}

afterEach(async () => {
  await current?.close();
  current = undefined;
});

const vital = { type: 'web-vital', name: 'LCP', value: 1234, rating: 'good', page: '/dashboard' };
const clientError = { type: 'error', message: 'x is undefined', page: '/calendar' };

describe('telemetry', () => {
  it('accepts a batch and counts it in the metrics', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/telemetry',
      payload: { events: [vital, { ...vital, name: 'CLS', value: 0.02 }, clientError] },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 3 });
    const metrics = (await app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('mcc_telemetry_events_total{type="web-vital",name="LCP"} 1');
    expect(metrics).toContain('mcc_telemetry_events_total{type="error",name="client_error"} 1');
    expect(metrics).toContain('mcc_web_vital_value_count{name="CLS"} 1');
    expect(metrics).toContain('mcc_web_vital_value_sum{name="LCP"} 1234');
  });

  it('drops whole batches when sampled out', async () => {
    const { app } = await start({ TELEMETRY_SAMPLE_RATE: '0' });
    const response = await app.inject({
      method: 'POST',
      url: '/api/telemetry',
      payload: { events: [vital] },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 0 });
    expect((await app.inject({ url: '/metrics' })).body).not.toContain('name="LCP"} 1');
  });

  it('answers invalid events with field errors, one per unknown key', async () => {
    const { app } = await start();
    const { page: _missing, ...unnamed } = vital;
    const response = await app.inject({
      method: 'POST',
      url: '/api/telemetry',
      payload: { events: [{ ...vital, value: -1, extra: true }, unnamed], also: 1 },
    });
    expect(response.statusCode).toBe(400);
    const problem = problemSchema.parse(response.json());
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.events.0.value', code: 'too_small' }),
        { path: 'body.events.0.extra', message: 'Unknown field', code: 'unrecognized_keys' },
        { path: 'body.also', message: 'Unknown field', code: 'unrecognized_keys' },
        // A field left out says so, not zod's "expected string, received undefined".
        expect.objectContaining({ path: 'body.events.1.page', message: 'Required', code: 'invalid_type' }),
      ]),
    );
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once the per-IP budget is spent, sparing the probes', async () => {
    const { app } = await start({ RATE_LIMIT_MAX: '2' });
    for (let i = 0; i < 2; i += 1) expect((await app.inject({ url: '/docs/json' })).statusCode).toBe(200);
    const limited = await app.inject({ url: '/docs/json' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const problem = problemSchema.parse(limited.json());
    expect(problem).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(problem.request_id).toBe(limited.headers['x-request-id']);
    for (const url of ['/healthz', '/readyz', '/metrics']) {
      expect((await app.inject({ url })).statusCode).toBe(200);
    }
  });

  it('throttles unknown paths too, so scanning is limited', async () => {
    const { app } = await start({ RATE_LIMIT_MAX: '1' });
    expect((await app.inject({ url: '/api/nope' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/nope' })).statusCode).toBe(429);
  });

  it('keeps separate budgets per client address', async () => {
    const { app } = await start({ RATE_LIMIT_MAX: '1' });
    expect((await app.inject({ url: '/docs/json', remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/docs/json', remoteAddress: '10.0.0.1' })).statusCode).toBe(429);
    expect((await app.inject({ url: '/docs/json', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
  });
});

describe('the sign-in rate limit', () => {
  it('counts per address and normalised email, and answers 429 with Retry-After', async () => {
    const config = loadConfig({ NODE_ENV: 'test', AUTH_RATE_LIMIT_MAX: '2' });
    const { app } = await start({ AUTH_RATE_LIMIT_MAX: '2' }, (testApp) => {
      testApp.post(
        '/api/test-login',
        { config: { rateLimit: authRateLimit(config) }, schema: { body: z.object({ email: z.string() }) } },
        async () => ({ ok: true }),
      );
    });
    const login = (email: string) =>
      app.inject({ method: 'POST', url: '/api/test-login', payload: { email } });
    expect((await login('Ann@Example.com')).statusCode).toBe(200);
    expect((await login(' ann@example.com ')).statusCode).toBe(200);
    const limited = await login('ANN@example.com');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(problemSchema.parse(limited.json()).code).toBe('rate_limited');
    expect((await login('bob@example.com')).statusCode).toBe(200);
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document built from the zod schemas', async () => {
    const { app } = await start();
    const response = await app.inject({ url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info.title).toBe('Marketing Command Center API');
    expect(spec.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.paths['/api/telemetry'].post.requestBody).toBeDefined();
  });

  it('serves Swagger UI under its own, slightly relaxed CSP', async () => {
    const { app } = await start();
    const page = await app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    const appResponse = await app.inject({ url: '/healthz' });
    expect(appResponse.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('wears mcc’s name, mark and colours, not Swagger UI’s', async () => {
    const { app } = await start();
    const page = await app.inject({ url: '/docs/' });
    expect(page.body).toContain('<title>Marketing Command Center API</title>');
    expect(page.body).not.toMatch(/<title>Swagger UI|favicon-32x32\.png/);
    const favicon = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const icon = await app.inject({ url: new URL(favicon, 'http://x/docs/').pathname });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    expect(icon.body).toContain('Marketing Command Center');
    const theme = /href="([^"]+\.css)"/g;
    const sheets = [...page.body.matchAll(theme)].map((match) => match[1] ?? '');
    const mccSheet = sheets.find((sheet) => sheet.includes('/theme/'));
    expect(mccSheet).toBeDefined();
    const css = await app.inject({ url: new URL(mccSheet ?? '', 'http://x/docs/').pathname });
    expect(css.body).toContain('#4f46e5');
    const initializer = await app.inject({ url: '/docs/static/swagger-initializer.js' });
    expect(initializer.body).toContain('data:image/svg+xml;base64,');
  });
});

describe('the single-page app', () => {
  let distDir: string;

  beforeAll(() => {
    distDir = mkdtempSync(path.join(tmpdir(), 'mcc-dist-'));
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>MCC</title><div id="root"></div>');
    writeFileSync(
      path.join(distDir, SIGNED_IN_PAGE),
      '<!doctype html><title>MCC</title><link rel="modulepreload" href="/assets/app-shell.js"><div id="root"></div>',
    );
    writeFileSync(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log("app")');
    writeFileSync(
      path.join(distDir, 'assets', 'index-abc123.js.br'),
      brotliCompressSync('console.log("app")'),
    );
  });

  afterAll(() => rmSync(distDir, { recursive: true, force: true }));

  it('serves index.html at / without caching and hashed assets for a year', async () => {
    const { app } = await start({ WEB_DIST_DIR: distDir });
    const index = await app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<div id="root">');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['x-request-id']).toBeDefined();
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['x-request-id']).toBeDefined();
  });

  it('sends the precompressed file to clients that accept it', async () => {
    const { app } = await start({ WEB_DIST_DIR: distDir });
    const compressed = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe('console.log("app")');
    const plain = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log("app")');
  });

  it('falls back to index.html for browser navigations only', async () => {
    const { app } = await start({ WEB_DIST_DIR: distDir });
    const page = await app.inject({ url: '/campaigns/42?tab=calendar', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    for (const [url, accept] of [
      ['/campaigns/42', 'application/json'],
      ['/api/campaigns/42', 'text/html'],
      ['/docs/nothing', 'text/html'],
      ['/assets/missing.js', '*/*'],
    ]) {
      const response = await app.inject({ url, headers: { accept } });
      expect(response.statusCode, url).toBe(404);
      expect(problemSchema.parse(response.json()).code).toBe('not_found');
    }
    const post = await app.inject({ method: 'POST', url: '/campaigns', headers: { accept: 'text/html' } });
    expect(post.statusCode).toBe(404);
  });

  it('gives a visitor with a session the page that hints the app shell, not the sign-in page', async () => {
    const { app } = await start({ WEB_DIST_DIR: distDir });
    for (const url of ['/', '/w/42/calendar']) {
      const guest = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(guest.body, url).not.toContain('app-shell');
      expect(guest.headers.vary, url).toMatch(/cookie/i);
      const member = await app.inject({
        url,
        headers: { accept: 'text/html', cookie: `theme=dark; ${AUTH_COOKIES.csrf}=abc` },
      });
      expect(member.statusCode, url).toBe(200);
      expect(member.body, url).toContain('app-shell');
      expect(member.headers['cache-control'], url).toBe('no-cache');
      expect(member.headers.vary, url).toMatch(/cookie/i);
    }
    // A cookie whose name merely ends like the session's is not a session.
    const lookalike = await app.inject({ url: '/', headers: { cookie: `x${AUTH_COOKIES.csrf}=abc` } });
    expect(lookalike.body).not.toContain('app-shell');
  });

  it('explains how to build the web app when there is no build', async () => {
    const { app } = await start({ WEB_DIST_DIR: path.join(distDir, 'missing') });
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(503);
    expect(root.body).toContain('npm run build:web');
    const deep = await app.inject({ url: '/settings', headers: { accept: 'text/html' } });
    expect(deep.body).toContain('npm run build:web');
  });
});

describe('routing', () => {
  it('treats a trailing slash as the same route', async () => {
    const { app } = await start({}, (testApp) => {
      testApp.post('/api/test-things/', async () => ({ ok: true }));
    });
    expect((await app.inject({ method: 'POST', url: '/api/test-things/' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/test-things' })).statusCode).toBe(200);
  });
});
