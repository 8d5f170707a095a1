import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Job } from '#shared/jobs.schema.js';
import { aCalendarJobResult, aJob, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { JobDetail } from './job-detail.js';

const businessId = anId();

function renderDetail(job: Job, canManage = true) {
  fakeApi();
  return renderWithProviders(<JobDetail job={job} businessId={businessId} canManage={canManage} />, {
    url: `/w/${businessId}/jobs/${job.id}`,
    route: '/w/:businessId/jobs/:jobId',
  });
}

describe('JobDetail', () => {
  it('says why a job failed for good and offers Retry', () => {
    renderDetail(
      aJob({
        business_id: businessId,
        state: 'dead',
        attempts: 2,
        last_error: 'AppError: This workspace has spent its monthly AI budget of $0.00.',
      }),
    );

    const why = screen.getByRole('alert');
    expect(within(why).getByText('Why it failed')).toBeTruthy();
    expect(within(why).getByText('This workspace has spent its monthly AI budget of $0.00.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('links a finished calendar job to the calendar it filled', async () => {
    const { user, location } = renderDetail(
      aJob({ business_id: businessId, state: 'succeeded', progress: 100, result: aCalendarJobResult(7) }),
      false,
    );

    const result = screen.getByRole('region', { name: 'Result' });
    expect(within(result).getByText(/^7 items saved\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(within(result).getByRole('link', { name: 'Open the calendar' }));

    expect(location()).toBe(`/w/${businessId}/calendar`);
  });

  it('lists what another job produced in words, not as JSON', () => {
    renderDetail(
      aJob({
        business_id: businessId,
        name: 'notifications.email',
        state: 'succeeded',
        result: { outcome: 'skipped', reason: 'turned_off', items_fetched: 1200, dry_run: false },
      }),
    );

    const result = screen.getByRole('region', { name: 'Result' });
    const facts = within(result)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent]);
    expect(facts).toEqual([
      ['Outcome', 'Skipped'],
      ['Reason', 'Turned off'],
      ['Items fetched', '1,200'],
      ['Dry run', 'No'],
    ]);
    expect(result.querySelector('pre')).toBeNull();
  });
});
