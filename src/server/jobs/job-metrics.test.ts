import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createJobMetrics, recordRun } from './job-metrics.js';

describe('job metrics', () => {
  it('reads the depth at scrape time and records each run by name and outcome', async () => {
    const registry = new Registry();
    const metrics = createJobMetrics(registry, async () => ({ queued: 2, dead: 1 }));
    recordRun(metrics, 'calendar.generate', 'succeeded', Date.now());
    recordRun(metrics, 'calendar.generate', 'failed', Date.now());
    recordRun(metrics, 'calendar.generate', 'dead', Date.now());
    const text = await registry.metrics();
    expect(text).toMatch(/^mcc_jobs\{state="queued"\} 2$/m);
    expect(text).toMatch(/^mcc_jobs\{state="running"\} 0$/m);
    expect(text).toMatch(/^mcc_job_duration_seconds_count\{name="calendar.generate",outcome="dead"\} 1$/m);
    expect(text).toMatch(/^mcc_job_failures_total\{name="calendar.generate"\} 2$/m);
  });

  it('keeps the last depth when the queue cannot be read', async () => {
    const registry = new Registry();
    let fail = false;
    createJobMetrics(registry, async () => {
      if (fail) throw new Error('redis down');
      return { queued: 5 };
    });
    await registry.metrics();
    fail = true;
    expect(await registry.metrics()).toMatch(/^mcc_jobs\{state="queued"\} 5$/m);
  });
});
