import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { LiveEvent } from '#shared/events.schema.js';
import { GenerateCalendarDialog } from '#web/features/content/components/generate/generate-calendar-dialog.js';
import { useJobToasts } from '#web/features/jobs/hooks/use-job-toasts.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aJob, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';

const DETAIL =
  "The model's answer had posting times we could not read; nothing was saved. Try again or choose another model.";

function failedEvent(businessId: string, jobId: string): LiveEvent {
  return {
    type: 'job.failed',
    id: anId(),
    business_id: businessId,
    at: '2026-11-26T05:00:00.000Z',
    data: { job_id: jobId, name: 'calendar.generate', error: DETAIL, will_retry: false },
  };
}

/** The workspace's live job toasts, with buttons standing in for the events the socket would deliver. */
function LiveToasts({ businessId, events }: { businessId: string; events: LiveEvent[] }) {
  const announce = useJobToasts(businessId);
  return (
    <>
      {events.map((event, index) => (
        <button key={event.id} type="button" onClick={() => announce(event)}>
          {`Deliver event ${index + 1}`}
        </button>
      ))}
    </>
  );
}

describe('calendar job failures on screen', () => {
  it('shows the reason once while the dialog follows the job, and toasts jobs nobody is watching', async () => {
    const business = aBusiness({ brand: { ...aBusiness().brand, channels: ['linkedin'] } });
    const dead = aJob({ business_id: business.id, state: 'dead', attempts: 1, last_error: DETAIL });
    const api = fakeApi();
    api.on('POST', API.generateCalendar, json({ job_id: dead.id }, 202));
    api.on('GET', API.job(dead.id), json(dead));
    const elsewhere = anId();
    const { user } = renderWithProviders(
      <>
        <GenerateCalendarDialog
          business={business}
          campaigns={[]}
          open
          onClose={() => undefined}
          onShow={() => undefined}
        />
        <LiveToasts
          businessId={business.id}
          events={[failedEvent(business.id, dead.id), failedEvent(business.id, elsewhere)]}
        />
      </>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Generate a calendar' });
    await user.click(within(dialog).getByRole('button', { name: 'Generate calendar' }));
    await within(dialog).findByText(DETAIL);

    await user.click(screen.getByRole('button', { name: 'Deliver event 1' }));
    expect(screen.getAllByText(DETAIL, { exact: false })).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Deliver event 2' }));
    expect(await screen.findByText(`Content calendar failed: ${DETAIL}`)).toBeTruthy();
    expect(screen.getAllByText(DETAIL, { exact: false })).toHaveLength(2);
  });
});
