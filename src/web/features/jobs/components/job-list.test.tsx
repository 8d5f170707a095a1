import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Job } from '#shared/jobs.schema.js';
import { type FakeApi, json, never, problem } from '#web/test/fake-api.js';
import { aJob, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { JobList } from './job-list.js';

const businessId = anId();

/** The jobs list as the API pages it, narrowed by `?state=` when the screen asks for one. */
function serveJobs(api: FakeApi, jobs: () => Job[]) {
  return api.on('GET', API.jobs, ({ query }) => {
    const state = query.get('state');
    return json({ items: jobs().filter((job) => !state || job.state === state), next_cursor: null });
  });
}

function renderList({ canManage = true, url = `/w/${businessId}/jobs` } = {}) {
  return renderWithProviders(<JobList businessId={businessId} canManage={canManage} />, {
    url,
    route: '/w/:businessId/jobs',
  });
}

const rowOf = async (text: string) => (await screen.findByText(text)).closest('tr') as HTMLElement;

describe('JobList', () => {
  it('shows that the jobs are loading', async () => {
    fakeApi().on('GET', API.jobs, never);
    renderList();

    expect((await screen.findByRole('status')).textContent).toBe('Loading jobs');
  });

  it('explains a list that could not be loaded, with the request id to quote', async () => {
    fakeApi().on('GET', API.jobs, problem(500, 'internal_error'));
    renderList();

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Something went wrong on our side. If it keeps happening, quote request id req-test.',
    );
  });

  it('says when there are no jobs, and when none is in the chosen state', async () => {
    serveJobs(fakeApi(), () => []);
    const { user, location } = renderList();

    expect(await screen.findByText('No jobs yet')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('State'), 'dead');

    expect(await screen.findByText('No job is failed')).toBeTruthy();
    expect(location()).toBe(`/w/${businessId}/jobs?state=dead`);
  });

  it('shows a failed attempt that will be retried, and a job that failed for good, each with its reason', async () => {
    serveJobs(fakeApi(), () => [
      aJob({
        business_id: businessId,
        name: 'webhook.deliver',
        state: 'failed',
        attempts: 1,
        max_attempts: 5,
        last_error: 'DeliveryError: The receiver answered 503',
      }),
      aJob({
        business_id: businessId,
        state: 'dead',
        attempts: 2,
        last_error: 'AppError: This workspace has spent its monthly AI budget of $0.00.',
      }),
    ]);
    renderList();

    const retrying = await rowOf('Webhook delivery');
    expect(within(retrying).getByText('Failed, will retry')).toBeTruthy();
    expect(within(retrying).getByText('Attempt 1 of 5')).toBeTruthy();
    expect(within(retrying).getByText('The receiver answered 503')).toBeTruthy();
    expect(within(retrying).getByText(/^Next try /)).toBeTruthy();
    const dead = await rowOf('Content calendar');
    expect(within(dead).getByText('Failed')).toBeTruthy();
    expect(within(dead).getByText('Attempt 2 of 2')).toBeTruthy();
    expect(within(dead).getByText('This workspace has spent its monthly AI budget of $0.00.')).toBeTruthy();
  });

  it('retries a dead job: queued again, and the list shows where it is now', async () => {
    const api = fakeApi();
    let job = aJob({
      business_id: businessId,
      state: 'dead',
      attempts: 2,
      last_error: 'AppError: Over budget.',
    });
    serveJobs(api, () => [job]);
    api.on('POST', API.jobRetry(job.id), () => {
      job = { ...job, state: 'succeeded', progress: 100, finished_at: job.updated_at, last_error: null };
      return json(job);
    });
    const { user } = renderList();

    const row = await rowOf('Content calendar');
    await user.click(within(row).getByRole('button', { name: /^Retry Content calendar, / }));

    expect(await screen.findByText('Content calendar queued again')).toBeTruthy();
    expect(await within(row).findByText('Completed')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /^Retry/ })).toBeNull();
  });

  it('shows why a retry was refused', async () => {
    const api = fakeApi();
    const job = aJob({ business_id: businessId, state: 'dead', attempts: 2 });
    serveJobs(api, () => [job]);
    api.on('POST', API.jobRetry(job.id), problem(409, 'conflict', 'The job is already running again'));
    const { user } = renderList();

    await user.click(within(await rowOf('Content calendar')).getByRole('button', { name: /^Retry/ }));

    expect(await screen.findByText('The job is already running again')).toBeTruthy();
  });

  it('cancels an unfinished job after asking', async () => {
    const api = fakeApi();
    let job = aJob({ business_id: businessId, state: 'queued' });
    serveJobs(api, () => [job]);
    api.on('POST', API.jobCancel(job.id), () => {
      job = { ...job, state: 'cancelled' };
      return json(job);
    });
    const { user } = renderList();

    await user.click(within(await rowOf('Content calendar')).getByRole('button', { name: /^Cancel/ }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel content calendar?' });
    expect(within(dialog).getByText('It will not run. You cannot start it again from here.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel job' }));

    expect(await screen.findByText('Content calendar cancelled')).toBeTruthy();
    expect(await within(await rowOf('Content calendar')).findByText('Cancelled')).toBeTruthy();
  });

  it('offers no retry or cancel to a role that cannot manage jobs', async () => {
    serveJobs(fakeApi(), () => [
      aJob({ business_id: businessId, state: 'dead', attempts: 2 }),
      aJob({ business_id: businessId, name: 'content.publish', state: 'queued' }),
    ]);
    renderList({ canManage: false });

    await rowOf('Publishing');
    expect(screen.queryByRole('button', { name: /^(Retry|Cancel)/ })).toBeNull();
  });
});
