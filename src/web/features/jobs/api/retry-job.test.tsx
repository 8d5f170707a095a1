import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Job } from '#shared/jobs.schema.js';
import { json } from '#web/test/fake-api.js';
import { aJob, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { useJob } from './get-job.js';
import { useRetryJob } from './retry-job.js';

const businessId = anId();

function JobWithRetry({ jobId }: { jobId: string }) {
  const job = useJob(businessId, jobId);
  const retry = useRetryJob(businessId);
  return (
    <>
      <p>State: {job.data?.state ?? 'loading'}</p>
      <button type="button" onClick={() => retry.mutate(jobId)}>
        Retry
      </button>
    </>
  );
}

describe('useRetryJob', () => {
  it('fetches the job again after a retry: it may have finished before the retry was answered', async () => {
    const api = fakeApi();
    const dead = aJob({
      business_id: businessId,
      state: 'dead',
      attempts: 2,
      last_error: 'AppError: Over budget.',
    });
    let current: Job = dead;
    api.on('GET', API.job(dead.id), () => json(current));
    api.on('POST', API.jobRetry(dead.id), () => {
      // The retry answers "queued", but a fast worker finishes the job before the answer reaches the page
      // (its live events came first and found nothing to refresh).
      current = {
        ...dead,
        state: 'succeeded',
        progress: 100,
        finished_at: dead.updated_at,
        last_error: null,
      };
      return json({ ...dead, state: 'queued', attempts: 0, last_error: null });
    });
    const { user } = renderWithProviders(<JobWithRetry jobId={dead.id} />);
    expect(await screen.findByText('State: dead')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('State: succeeded')).toBeTruthy();
  });
});
