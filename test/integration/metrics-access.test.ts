import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../deploy/support/nginx.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import { spawnEntry } from '../support/jobs/spawn-process.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const STRONG_SECRET = 'c0ffee11d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9';
const METRICS_TOKEN = '9d2c4e6f8a1b3c5d7e9f0a2b4c6d8e1f';
const PRODUCTION = {
  NODE_ENV: 'production',
  SECRET_KEY: STRONG_SECRET,
  PUBLIC_URL: 'https://mcc.example.com',
};
const HOST = { host: 'mcc.example.com' };

// Issue 13, item 13: /metrics answered anyone on the app port, in production too.
describe('/metrics on the app port', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is not there in production without a metrics token', async () => {
    t = await createTestApp(await createSqliteTestDatabase(), PRODUCTION);
    const response = await t.app.inject({ url: '/metrics', headers: HOST });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
    expect(response.body).not.toContain('mcc_');
  });

  it('asks for the metrics token when one is set, and serves the metrics to its bearer', async () => {
    t = await createTestApp(await createSqliteTestDatabase(), { ...PRODUCTION, METRICS_TOKEN });
    const anonymous = await t.app.inject({ url: '/metrics', headers: HOST });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
    const wrong = await t.app.inject({
      url: '/metrics',
      headers: { ...HOST, authorization: `Bearer ${METRICS_TOKEN.replace('9', '8')}` },
    });
    expect(wrong.statusCode).toBe(401);
    const scraped = await t.app.inject({
      url: '/metrics',
      headers: { ...HOST, authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.body).toContain('# TYPE mcc_http_request_duration_seconds histogram');
  });

  it('stays open in development and tests without a token (docs/operations.md), closed with one', async () => {
    t = await createTestApp(await createSqliteTestDatabase(), { NODE_ENV: 'development' });
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(200);
    await t.close();
    t = await createTestApp(await createSqliteTestDatabase(), { METRICS_TOKEN });
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
  });
});

describe('`mcc serve` with METRICS_PORT', { timeout: 60_000 }, () => {
  it('serves /metrics (with the token) and /healthz on its own loopback port, and closes it on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-metrics-port-'));
    const port = await freePort();
    const server = await spawnEntry(
      'dist/server/main.js',
      [],
      {
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        MCC_DEMO: '0',
        LOG_LEVEL: 'warn',
        METRICS_PORT: String(port),
        METRICS_TOKEN,
      },
      /is running: http:\/\/\S+/,
    );
    try {
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const scraped = await fetch(`${base}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(await scraped.text()).toContain('# TYPE mcc_http_request_duration_seconds histogram');
      expect(await server.stop('SIGTERM')).toBe(0);
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      await server.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
