import { loadConfig } from '#server/config/config.js';
import { BullmqJobQueue } from '#server/jobs/bullmq/bullmq-queue.js';
import { JobProbe, TEST_JOB_DEFINITIONS, testJobRegistry } from './test-jobs.js';

// A worker process for the test jobs (production `mcc worker` only knows the app's jobs), on the BullMQ
// queue the environment names; test/integration/jobs-multiprocess.test.ts starts and kills it.
const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
if (!config.redis.url) throw new Error('REDIS_URL is required');
const queue = new BullmqJobQueue({
  url: config.redis.url,
  prefix: config.redis.prefix,
  definitions: TEST_JOB_DEFINITIONS,
  leaseMs: config.jobs.leaseMs,
});
const worker = queue.createWorker(testJobRegistry(new JobProbe()), { concurrency: 1 });
worker.start();
process.once('SIGTERM', () => {
  void worker
    .drain(5_000)
    .then(() => queue.close())
    .then(() => process.exit(0));
});
process.stdout.write(`test worker ${process.pid} ready\n`);
