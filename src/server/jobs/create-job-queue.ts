import type { Registry } from 'prom-client';
import type { Config } from '../config/config.js';
import type { JobRepository } from '../repositories/job.repository.js';
import { DEFAULT_BACKOFF } from './backoff.js';
import { BullmqJobQueue } from './bullmq/bullmq-queue.js';
import { InProcessJobQueue } from './in-process/in-process-queue.js';
import { type AppJobDefinitions, JOB_DEFINITIONS } from './job-definitions.js';
import { createJobMetrics } from './job-metrics.js';
import type { JobQueue } from './job-types.js';

/**
 * The app's queue for the configured mode (docs/architecture.md, "Two modes") — BullMQ on Redis when `REDIS_URL` is
 * set, so every process shares it; otherwise the jobs table in the app's database — with the job
 * metrics registered on the app's registry.
 */
export function createJobQueue(
  config: Pick<Config, 'redis' | 'jobs'>,
  deps: { jobs: JobRepository; ping: () => Promise<void>; metricsRegistry: Registry },
): JobQueue<AppJobDefinitions> {
  // The depth gauge reads the queue at scrape time; the queue needs the metrics first, hence the late binding.
  let queue: JobQueue<AppJobDefinitions> | undefined;
  const metrics = createJobMetrics(deps.metricsRegistry, async () => (queue ? queue.counts() : {}));
  const common = {
    definitions: JOB_DEFINITIONS,
    leaseMs: config.jobs.leaseMs,
    backoff: { baseMs: config.jobs.retryBaseMs, maxMs: DEFAULT_BACKOFF.maxMs },
    metrics,
  };
  queue = config.redis.url
    ? new BullmqJobQueue({ ...common, url: config.redis.url, prefix: config.redis.prefix })
    : new InProcessJobQueue({ ...common, jobs: deps.jobs, ping: deps.ping });
  return queue;
}
