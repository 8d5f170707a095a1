import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';
import { type MetricsServer, startMetricsServer } from './metrics-server.js';

describe('startMetricsServer', () => {
  let server: MetricsServer | undefined;
  afterEach(() => server?.close());

  it('serves the registry at /metrics and liveness at /healthz, nothing else', async () => {
    server = await startMetricsServer({
      registry: createMetrics().registry,
      host: '127.0.0.1',
      port: 0,
      access: { kind: 'open' },
    });
    const base = `http://127.0.0.1:${server.port}`;
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('mcc_process_cpu_user_seconds_total');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/api/anything`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('asks for the metrics token on /metrics when one is set, never on /healthz', async () => {
    const token = 'b'.repeat(40);
    server = await startMetricsServer({
      registry: createMetrics().registry,
      host: '127.0.0.1',
      port: 0,
      access: { kind: 'token', token },
    });
    const base = `http://127.0.0.1:${server.port}`;
    const anonymous = await fetch(`${base}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const scraped = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
