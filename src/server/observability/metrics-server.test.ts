import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';
import { type MetricsServer, startMetricsServer } from './metrics-server.js';

describe('startMetricsServer', () => {
  let server: MetricsServer | undefined;
  afterEach(() => server?.close());

  it('serves the registry at /metrics and liveness at /healthz, nothing else', async () => {
    server = await startMetricsServer({ registry: createMetrics().registry, host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${server.port}`;
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('mcc_process_cpu_user_seconds_total');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/api/anything`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});
