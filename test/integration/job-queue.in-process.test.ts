import { expect, it } from 'vitest';
import { newId } from '#server/db/ids.js';
import { InProcessJobQueue } from '#server/jobs/in-process/in-process-queue.js';
import { createRepositories } from '#server/repositories/index.js';
import { insertBusiness, insertUser } from '../factories/rows.js';
import { describeEachDialect } from '../support/databases.js';
import { TEST_JOB_DEFINITIONS } from '../support/jobs/test-jobs.js';
import { describeJobQueueContract } from './job-queue.contract.js';

describeEachDialect('in-process queue', (create) => {
  describeJobQueueContract('jobs table', async () => {
    const testDb = await create();
    const repos = createRepositories(testDb.database.db, testDb.database.dialect);
    const owner = await insertUser(repos);
    const queue = new InProcessJobQueue({
      jobs: repos.jobs,
      definitions: TEST_JOB_DEFINITIONS,
      leaseMs: 1_000,
      pollIntervalMs: 50,
      backoff: { baseMs: 50, maxMs: 200 },
    });
    return {
      queue,
      async claimAsDeadWorker() {
        const now = Date.now();
        const [job] = await repos.jobs.claimDue(
          'a-worker-that-dies',
          new Date(now).toISOString(),
          new Date(now + 300).toISOString(),
          1,
        );
        return job?.id;
      },
      newBusinessId: async () => (await insertBusiness(repos, owner)).id,
      async close() {
        await queue.close();
        await testDb.dispose();
      },
    };
  });
});

describeEachDialect('in-process queue: retention', (create) => {
  it('purges finished jobs past their retention and keeps the rest', async () => {
    const testDb = await create();
    const repos = createRepositories(testDb.database.db, testDb.database.dialect);
    const business = (await insertBusiness(repos, await insertUser(repos))).id;
    const queue = new InProcessJobQueue({ jobs: repos.jobs, definitions: TEST_JOB_DEFINITIONS });
    const now = new Date('2026-11-26T12:00:00.000Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const cases = [
      ['succeeded', 8, false],
      ['succeeded', 6, true],
      ['cancelled', 8, false],
      ['dead', 8, true],
      ['dead', 31, false],
      ['queued', 60, true],
      ['failed', 60, true],
    ] as const;
    for (const [state, age] of cases) {
      await repos.jobs.insert({
        id: newId(),
        business_id: business,
        name: 'test.echo',
        payload: '{"message":"x"}',
        state,
        max_attempts: 3,
        run_at: daysAgo(age),
        created_at: daysAgo(age),
        updated_at: daysAgo(age),
        ...(state === 'queued' || state === 'failed' ? {} : { finished_at: daysAgo(age) }),
      });
    }
    try {
      expect(await queue.purgeFinished(now)).toBe(cases.filter(([, , keep]) => !keep).length);
      const left = await repos.jobs.page(business, { limit: 20 });
      const kept = cases.filter(([, , keep]) => keep).map(([state]) => state);
      expect(left.map((job) => job.state).sort()).toEqual([...kept].sort());
      expect(await queue.purgeFinished(now)).toBe(0);
    } finally {
      await testDb.dispose();
    }
  });
});
