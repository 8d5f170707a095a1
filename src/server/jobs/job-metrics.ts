import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { JOB_STATES, type JobState } from '#shared/jobs.schema.js';

/** How a run ended, as the duration histogram labels it. */
export type RunOutcomeLabel = 'succeeded' | 'failed' | 'dead' | 'cancelled' | 'released' | 'postponed';

/** What workers record about each run. */
export interface JobMetrics {
  duration: Histogram<'name' | 'outcome'>;
  failures: Counter<'name'>;
}

/**
 * Register the job metrics on the app's registry: queue depth by state (read from `depth` at scrape
 * time, so every process reports the shared queue), run duration by job name and outcome, and failed
 * attempts by job name.
 */
export function createJobMetrics(
  registry: Registry,
  depth: () => Promise<Partial<Record<JobState, number>>>,
): JobMetrics {
  const registers = [registry];
  new Gauge({
    name: 'mcc_jobs',
    help: 'Jobs in the queue by state (all workspaces)',
    labelNames: ['state'],
    registers,
    async collect() {
      // A scrape must not fail because Redis or the database hiccups; the gauge keeps its last values.
      const counts = await depth().catch(() => undefined);
      if (!counts) return;
      for (const state of JOB_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  return {
    duration: new Histogram({
      name: 'mcc_job_duration_seconds',
      help: 'Job run duration by job name and outcome (succeeded, failed, dead, cancelled, released, postponed)',
      labelNames: ['name', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
      registers,
    }),
    failures: new Counter({
      name: 'mcc_job_failures_total',
      help: 'Failed job attempts by job name (retried or dead)',
      labelNames: ['name'],
      registers,
    }),
  };
}

/** Record one finished run. */
export function recordRun(
  metrics: JobMetrics | undefined,
  name: string,
  outcome: RunOutcomeLabel,
  startedAtMs: number,
): void {
  if (!metrics) return;
  metrics.duration.observe({ name, outcome }, (Date.now() - startedAtMs) / 1000);
  if (outcome === 'failed' || outcome === 'dead') metrics.failures.inc({ name });
}
