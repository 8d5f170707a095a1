import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { InProcessJobQueue } from '#server/jobs/in-process/in-process-queue.js';
import type { JobWorker } from '#server/jobs/job-types.js';
import { createRepositories } from '#server/repositories/index.js';
import type { Job, JobPage } from '#shared/jobs.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { JobProbe, TEST_JOB_DEFINITIONS, testJobRegistry } from '../support/jobs/test-jobs.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describeEachDialect('jobs API', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;
  let queue: InProcessJobQueue<typeof TEST_JOB_DEFINITIONS>;
  let worker: JobWorker | undefined;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
    // Test jobs go in through a queue on the same database; the API reads them like any other job.
    queue = new InProcessJobQueue({
      jobs: createRepositories(t.database.db, t.database.dialect).jobs,
      definitions: TEST_JOB_DEFINITIONS,
      pollIntervalMs: 50,
      backoff: { baseMs: 50, maxMs: 100 },
    });
  });
  afterEach(async () => {
    await worker?.drain(100);
    worker = undefined;
    await t.close();
  });

  const request = (method: 'GET' | 'POST', url: string, account: TestAccount = owner) =>
    t.app.inject({ method, url, headers: account.auth });
  const getJob = async (id: string) => (await request('GET', `/api/jobs/${id}`)).json<Job>();

  /** One job that succeeded and one that is dead, through a real worker. */
  async function runTwoJobs() {
    const succeeded = await queue.enqueue({ name: 'test.echo', businessId, payload: { message: 'hi' } });
    const dead = await queue.enqueue({
      name: 'test.flaky',
      businessId,
      payload: { key: 'k', failTimes: 1 },
      maxAttempts: 1,
    });
    worker = queue.createWorker(testJobRegistry(new JobProbe()));
    worker.start();
    await vi.waitFor(
      async () => {
        expect((await getJob(succeeded)).state).toBe('succeeded');
        expect((await getJob(dead)).state).toBe('dead');
      },
      { timeout: 10_000, interval: 50 },
    );
    await worker.drain(1_000);
    worker = undefined;
    return { succeeded, dead };
  }

  it('shows a job with its result or error, lists and filters them, and retries a dead one', async () => {
    const { succeeded, dead } = await runTwoJobs();
    expect(await getJob(succeeded)).toMatchObject({
      id: succeeded,
      business_id: businessId,
      name: 'test.echo',
      state: 'succeeded',
      progress: 100,
      result: { echoed: 'hi', attempt: 1 },
      last_error: null,
    });
    expect(await getJob(dead)).toMatchObject({ state: 'dead', attempts: 1, last_error: 'boom #1' });

    const all = (await request('GET', `/api/jobs?business_id=${businessId}`)).json<JobPage>();
    expect(all.items.map((job) => job.id)).toEqual([dead, succeeded]);
    const page = (await request('GET', `/api/jobs?business_id=${businessId}&limit=1`)).json<JobPage>();
    expect(page.items).toHaveLength(1);
    expect(page.next_cursor).toBe(dead);
    const deadOnly = (await request('GET', `/api/jobs?business_id=${businessId}&state=dead`)).json<JobPage>();
    expect(deadOnly.items.map((job) => job.id)).toEqual([dead]);

    const retried = await request('POST', `/api/jobs/${dead}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json<Job>()).toMatchObject({ id: dead, state: 'queued', attempts: 0 });
    const again = await request('POST', `/api/jobs/${succeeded}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict' });
  });

  it('cancels a queued job; a finished one answers 409', async () => {
    const id = await queue.enqueue({ name: 'test.echo', businessId, payload: { message: 'x' } });
    const cancelled = await request('POST', `/api/jobs/${id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<Job>().state).toBe('cancelled');
    expect((await request('POST', `/api/jobs/${id}/cancel`)).statusCode).toBe(409);
  });

  it('lets any member read, only owners, admins and editors retry', async () => {
    const { dead } = await runTwoJobs();
    const viewer = await registerAccount(t.app);
    const editor = await registerAccount(t.app);
    const business = { id: businessId } as Parameters<typeof addMember>[2];
    await addMember(t.app, owner, business, viewer, 'viewer');
    await addMember(t.app, owner, business, editor, 'editor');
    expect((await request('GET', `/api/jobs/${dead}`, viewer)).statusCode).toBe(200);
    expect((await request('GET', `/api/jobs?business_id=${businessId}`, viewer)).statusCode).toBe(200);
    const forbidden = await request('POST', `/api/jobs/${dead}/retry`, viewer);
    expect(forbidden.statusCode).toBe(403);
    expect((await request('POST', `/api/jobs/${dead}/retry`, editor)).statusCode).toBe(200);
  });

  it("answers 404 for another workspace's job, exactly as for an unknown one", async () => {
    const id = await queue.enqueue({ name: 'test.echo', businessId, payload: { message: 'secret' } });
    const outsider = await registerAccount(t.app);
    const outsiderBusiness = (await createBusiness(t.app, outsider, 'Other Co')).id;
    for (const [method, url] of [
      ['GET', `/api/jobs/${id}`],
      ['POST', `/api/jobs/${id}/retry`],
      ['POST', `/api/jobs/${id}/cancel`],
      ['GET', `/api/jobs?business_id=${businessId}`],
    ] as const) {
      const response = await request(method, url, outsider);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const unknown = await request('GET', '/api/jobs/01900000-0000-7000-8000-00000000dead', outsider);
    expect(unknown.statusCode).toBe(404);
    const own = (await request('GET', `/api/jobs?business_id=${outsiderBusiness}`, outsider)).json<JobPage>();
    expect(own.items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/jobs/${id}` })).statusCode).toBe(401);
  });

  it('exports the queue depth by state on /metrics', async () => {
    await runTwoJobs();
    await queue.enqueue({ name: 'test.echo', businessId, payload: { message: 'waiting' } });
    const text = (await t.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/^mcc_jobs\{state="queued"\} 1$/m);
    expect(text).toMatch(/^mcc_jobs\{state="succeeded"\} 1$/m);
    expect(text).toMatch(/^mcc_jobs\{state="dead"\} 1$/m);
    // This test's worker ran on its own queue; the app's run metrics are registered (job-metrics.test.ts
    // checks what they record).
    expect(text).toContain('# TYPE mcc_job_duration_seconds histogram');
    expect(text).toContain('# TYPE mcc_job_failures_total counter');
  });
});
