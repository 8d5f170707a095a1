import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { describe } from 'vitest';
import { BullmqJobQueue } from '#server/jobs/bullmq/bullmq-queue.js';
import { QUEUE_NAME } from '#server/jobs/bullmq/bullmq-record.js';
import { TEST_JOB_DEFINITIONS } from '../support/jobs/test-jobs.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';
import { describeJobQueueContract } from './job-queue.contract.js';

describe.skipIf(Boolean(redisSkipReason))('BullMQ queue', () => {
  describeJobQueueContract('BullMQ on Redis', async () => {
    const prefix = testRedisPrefix();
    const queue = new BullmqJobQueue({
      url: TEST_REDIS_URL,
      prefix,
      definitions: TEST_JOB_DEFINITIONS,
      leaseMs: 1_000,
      backoff: { baseMs: 50, maxMs: 200 },
    });
    const abandoned: Worker[] = [];
    return {
      queue,
      async claimAsDeadWorker() {
        // A worker that fetches one job by hand and never renews its lock: as if its process died.
        const worker = new Worker(QUEUE_NAME, null, {
          connection: { url: TEST_REDIS_URL, maxRetriesPerRequest: null },
          prefix,
          autorun: false,
          lockDuration: 300,
        });
        abandoned.push(worker);
        const job = await worker.getNextJob(randomUUID(), { block: false });
        return job?.id;
      },
      newBusinessId: async () => randomUUID(),
      async close() {
        for (const worker of abandoned) await worker.close(true);
        await queue.close();
        await deleteRedisPrefix(prefix);
      },
    };
  });
});
