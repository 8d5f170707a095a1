import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnEntry } from '../support/jobs/spawn-process.js';
import { composeEntry, readCompose } from './support/deploy-files.js';
import { freePort } from './support/nginx.js';

const TOKEN = '9d2c4e6f8a1b3c5d7e9f0a2b4c6d8e1f';

// The compose and Kubernetes health checks of the worker, and Prometheus's worker job, need an HTTP
// endpoint on a process that has no web app: METRICS_PORT.
describe('`mcc worker` with METRICS_PORT', { timeout: 60_000 }, () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('serves /metrics with the job and dependency metrics, and /healthz, as compose configures it', async () => {
    const worker = readCompose().services.worker;
    expect(worker?.environment?.METRICS_PORT).toBe('9464');
    expect(worker?.healthcheck?.test?.join(' ')).toContain('http://127.0.0.1:9464/healthz');

    const dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-worker-metrics-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const { entry, args } = composeEntry('worker');
    const child = await spawnEntry(
      entry,
      args,
      {
        DATA_DIR: dataDir,
        MCC_DEMO: '0',
        LOG_LEVEL: 'warn',
        METRICS_PORT: String(port),
        METRICS_TOKEN: TOKEN,
      },
      /mcc worker is running jobs .*on port \d+/,
    );
    cleanups.push(() => child.stop('SIGKILL'));

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    // Prometheus sends the metrics token (compose: the metrics_token secret); nobody else gets in.
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
    const metrics = await (
      await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    for (const name of ['mcc_job_failures_total', 'mcc_job_duration_seconds', 'mcc_jobs']) {
      expect(metrics).toContain(`# TYPE ${name} `);
    }
    expect(metrics).toContain('mcc_dependency_up{dependency="database"} 1');
    expect(await child.stop('SIGTERM')).toBe(0);
  });
});
