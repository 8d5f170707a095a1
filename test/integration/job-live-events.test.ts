import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobHandlers, JobQueue } from '#server/jobs/job-types.js';
import type { Job } from '#shared/jobs.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';

// A page that hears `job.completed` fetches the job at once (the jobs panel, the job page): it must read
// the finished job, not the running one. The event used to go out before the queue stored the outcome.
describeEachDialect('a job’s live events', (create) => {
  let t: TestApp;
  let stop: () => Promise<void>;
  let owner: TestAccount;
  let businessId: string;
  /** The job as the API answered when its `job.completed` event arrived. */
  let readOnEvent: Promise<Job> | undefined;

  /**
   * Between a handler's return and the queue storing its outcome, wait for a read the event started, if it
   * started one: that read then sees exactly what a client hearing the event early would have seen.
   */
  const holdForEarlyReaders = (inner: JobQueue<AppJobDefinitions>) =>
    new Proxy(inner, {
      get(target, property) {
        if (property === 'createWorker') {
          return (handlers: JobHandlers, options: Parameters<typeof target.createWorker>[1]) => {
            const held = new Map(
              [...handlers].map(([name, entry]) => [
                name,
                {
                  ...entry,
                  handler: async (payload: unknown, context: Parameters<typeof entry.handler>[1]) => {
                    const result = await entry.handler(payload, context);
                    await readOnEvent;
                    return result;
                  },
                },
              ]),
            );
            return target.createWorker(held, options);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });

  beforeEach(async () => {
    readOnEvent = undefined;
    ({ t, stop } = await startAppWithJobs(await create(), {
      announceJobs: true,
      wrapQueue: holdForEarlyReaders,
    }));
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(() => stop());

  it('tells of a finished job once the job reads as finished', async () => {
    await t.services.events.subscribe(businessId, (event) => {
      if (event.type !== 'job.completed') return;
      readOnEvent = t.app
        .inject({ method: 'GET', url: `/api/jobs/${event.data.job_id}`, headers: owner.auth })
        .then((response) => response.json<Job>());
    });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/ai/strategy/generate-calendar',
      headers: owner.auth,
      payload: { business_id: businessId, start_date: '2027-03-01', weeks: 1, channels: ['instagram'] },
    });
    expect(accepted.statusCode, accepted.body).toBe(202);

    await vi.waitFor(() => expect(readOnEvent).toBeDefined(), { timeout: 10_000 });
    const job = await readOnEvent;
    expect(job?.id).toBe(accepted.json<{ job_id: string }>().job_id);
    expect(job?.state).toBe('succeeded');
    expect(job?.result).toMatchObject({ content_item_ids: expect.any(Array) });
  });
});
