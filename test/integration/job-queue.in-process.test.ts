import { InProcessJobQueue } from '../../src/server/jobs/in-process/in-process-queue.js';
import { createRepositories } from '../../src/server/repositories/index.js';
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
