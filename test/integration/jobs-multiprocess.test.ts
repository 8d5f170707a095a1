import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '#server/db/database.js';
import { migrateToLatest } from '#server/db/migrate.js';
import { BullmqJobQueue } from '#server/jobs/bullmq/bullmq-queue.js';
import { JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import { createRepositories } from '#server/repositories/index.js';
import { insertUser } from '../factories/rows.js';
import { type SpawnedProcess, spawnEntry } from '../support/jobs/spawn-process.js';
import { TEST_JOB_DEFINITIONS } from '../support/jobs/test-jobs.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';

const WAIT = { timeout: 30_000, interval: 100 };

// Several processes on one Redis: jobs enqueued here run in separate worker processes.
describe.skipIf(Boolean(redisSkipReason))('jobs across processes (BullMQ)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function redisEnv(prefix: string): Record<string, string> {
    return { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, JOBS_LEASE_SECONDS: '1', LOG_LEVEL: 'warn' };
  }

  it('`mcc worker` runs a job enqueued by another process', { timeout: 60_000 }, async () => {
    const prefix = testRedisPrefix();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-worker-'));
    const file = path.join(dataDir, 'mcc.db');
    const database = openDatabase({ kind: 'sqlite', path: file, autoMigrate: true });
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    cleanups.push(() => database.close());
    cleanups.push(() => deleteRedisPrefix(prefix));
    await migrateToLatest(database.db);
    const repos = createRepositories(database.db, database.dialect);
    const user = await insertUser(repos);
    const longAgo = '2020-01-01T00:00:00.000Z';
    await repos.refreshTokens.insert({
      id: randomUUID(),
      user_id: user.id,
      token_hash: 'expired',
      family_id: randomUUID(),
      expires_at: longAgo,
      created_at: longAgo,
    });

    const worker = await spawnEntry(
      'dist/cli/mcc.js',
      ['worker'],
      { ...redisEnv(prefix), DATA_DIR: dataDir, DATABASE_URL: file, MCC_DEMO: '0' },
      /mcc worker is running jobs \(bullmq queue/,
    );
    cleanups.push(() => worker.stop('SIGKILL'));
    const queue = new BullmqJobQueue({ url: TEST_REDIS_URL, prefix, definitions: JOB_DEFINITIONS });
    cleanups.push(() => queue.close());
    await queue.enqueue({ name: 'housekeeping.purge_sessions', businessId: null, payload: {} });

    await vi.waitFor(
      async () => expect(await repos.refreshTokens.findByHash('expired')).toBeUndefined(),
      WAIT,
    );
    expect(await worker.stop('SIGTERM')).toBe(0);
  });

  it('a job whose worker is killed mid-run is finished by another worker', { timeout: 60_000 }, async () => {
    const prefix = testRedisPrefix();
    cleanups.push(() => deleteRedisPrefix(prefix));
    const queue = new BullmqJobQueue({ url: TEST_REDIS_URL, prefix, definitions: TEST_JOB_DEFINITIONS });
    cleanups.push(() => queue.close());
    const start = () =>
      spawnEntry('test/support/jobs/test-worker-process.ts', [], redisEnv(prefix), /test worker \d+ ready/);
    const workers: SpawnedProcess[] = [];
    cleanups.push(() => Promise.all(workers.map((worker) => worker.stop('SIGKILL'))));

    const first = await start();
    workers.push(first);
    const businessId = randomUUID();
    const id = await queue.enqueue({ name: 'test.slow', businessId, payload: { ms: 3_000 } });
    await vi.waitFor(async () => {
      expect(await queue.get(businessId, id)).toMatchObject({
        state: 'running',
        progress_message: `running in ${first.pid}`,
      });
    }, WAIT);

    await first.stop('SIGKILL');
    const second = await start();
    workers.push(second);
    const job = await vi.waitFor(async () => {
      const current = await queue.get(businessId, id);
      expect(current?.state).toBe('succeeded');
      return current;
    }, WAIT);
    expect(job?.result).toEqual({ pid: second.pid });
    expect(await second.stop('SIGTERM')).toBe(0);
  });
});
